package cn.civicloop.security.internal.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import cn.civicloop.shared.PersonalDataCipher;
import cn.civicloop.shared.SealedColumns;
import cn.civicloop.support.ApiTest;

/**
 * Personal data at rest: after the demo seed and appeals submitted through the API, no text column of any table holds
 * a mobile number in clear; staff still read the phone and find a resident's cases by it; rows written in clear
 * before sealing existed are sealed by the batch; a key rotation re-seals everything under the new key.
 */
class PersonalDataAtRestApiTests extends ApiTest {

    /**
     * A mainland mobile number standing alone: not digits inside a longer number (the coordinates of a polygon) nor
     * inside a word of letters and digits (a random UUID's hex group such as {@code 18741877813a}).
     */
    private static final Pattern MOBILE = Pattern.compile("(?<![0-9A-Za-z.])1[3-9]\\d{9}(?![0-9A-Za-z])");
    /** A keyed hash or MAC (HMAC-SM3, 64 hex digits): its digit runs may look like a mobile number by chance. */
    private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{64}");

    /**
     * The resident's own words and the department's reply to him, not sealed (docs/security.md): a number written
     * into his title or content, or into the reply (and its timeline step), stays as written. Every other text column
     * of every table is scanned, the copies of the resident's words kept for training included.
     */
    private static final java.util.Set<String> FREE_TEXT = java.util.Set.of("cases_case.title", "cases_case.content",
            "cases_case.reply_text", "cases_timeline.reason");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PersonalDataCipher cipher;
    @Autowired
    PersonalDataResealer resealer;
    @Autowired
    List<SealedColumns> tables;
    @Autowired
    TransactionTemplate tx;

    @Test
    void noTableHoldsAPhoneNumberInClearAndSearchByPhoneStillWorks() {
        String phone = "13912340042";
        var a = appeal("楼道灯坏了很久没人修");
        a.put("contact", Map.of("name", "欧阳明月", "phone", phone));
        String number = submit(a).text("number");
        var b = appeal("小区门口垃圾没人清运");
        b.put("contact", Map.of("name", "欧阳明月", "phone", "+86 139-1234-0042"));
        String second = submit(b).text("number");

        assertThat(clearPhones()).isEmpty();

        String token = api.login("dispatcher");
        var found = api.get("/api/v1/cases?q=13912340042&size=50", token).json().get("items");
        List<String> numbers = new ArrayList<>();
        found.forEach(i -> numbers.add(i.get("number").asString()));
        assertThat(numbers).contains(number, second);
        assertThat(api.get("/api/v1/cases/" + number, token).json().toString()).contains(phone, "欧阳明月");
    }

    @Test
    void rowsWrittenInClearAreSealedByTheBatchAndStayReadable() {
        String number = submit(appeal("路灯不亮")).text("number");
        jdbc.sql("update cases_case set contact_phone = '13700001111', contact_name = '李四', contact_phone_hash = null "
                + "where number = ?").param(number).update();
        assertThat(clearPhones()).isNotEmpty();

        // the application's own run of the batch (db-scheduler, every minute) may seal the row first: either run
        // leaves it sealed, so the count this call returns is not the point, the rows after it are
        resealer.resealAll();

        assertThat(clearPhones()).isEmpty();
        assertThat(resealer.remaining()).isZero();
        String token = api.login("dispatcher");
        assertThat(api.get("/api/v1/cases/" + number, token).json().toString()).contains("13700001111", "李四");
        assertThat(api.get("/api/v1/cases?q=137-0000-1111", token).body()).contains(number);
    }

    @Test
    void aRotationReSealsEveryValueUnderTheNewKeyAndBack() {
        String number = submit(appeal("井盖松动")).text("number");
        String demoKey = "f8H2X1qCRjAIIQR5yQKa1Q==";
        String hashKey = "KgcWbV1x0NIdAtMW0mCKNJr2/hKAwjdjOYVyVFJiNr4=";
        Map<String, String> both = Map.of("demo-1", demoKey, "rot-2", "AAECAwQFBgcICQoLDA0ODw==");
        var rotated = new Sm4PersonalDataCipher(properties("rot-2", both, hashKey));
        var back = new Sm4PersonalDataCipher(properties("demo-1", both, hashKey));
        try {
            new PersonalDataResealer(jdbc, rotated, tables, tx, properties("rot-2", both, hashKey)).resealAll();
            String stored = jdbc.sql("select contact_phone from cases_case where number = ?").param(number)
                    .query(String.class).single();
            assertThat(stored).startsWith("sm4:rot-2:");
            assertThat(rotated.open(stored)).isEqualTo("13812345678");
            assertThat(new PersonalDataResealer(jdbc, rotated, tables, tx, properties("rot-2", both, hashKey))
                    .remaining()).isZero();
            assertThat(resealer.remaining()).isPositive();
        } finally {
            new PersonalDataResealer(jdbc, back, tables, tx, properties("demo-1", both, hashKey)).resealAll();
        }
        assertThat(resealer.remaining()).isZero();
        assertThat(jdbc.sql("select contact_phone from cases_case where number = ?").param(number)
                .query(String.class).single()).startsWith("sm4:demo-1:");
    }

    private static PersonalDataProperties properties(String current, Map<String, String> keys, String hashKey) {
        return new PersonalDataProperties(current, keys, hashKey, (Path) null, 200, java.time.Duration.ofMinutes(1));
    }

    /** A partition by block of ids, named after its table ({@code cases_timeline_p1000000}): V480. */
    private static boolean isPartitionOf(String table, java.util.Set<String> tables) {
        return table.matches(".*_p[0-9]+") && tables.contains(table.replaceFirst("_p[0-9]+$", ""));
    }

    /** table.column: value for every text value of every table that contains a mobile number. */
    private List<String> clearPhones() {
        List<String> found = new ArrayList<>();
        List<Map<String, Object>> columns = jdbc.sql("""
                select table_name, column_name from information_schema.columns
                where lower(table_schema) in ('public', current_schema())
                  and lower(data_type) in ('character varying', 'varchar', 'text', 'character large object', 'clob',
                                           'character', 'json', 'jsonb')""").query().listOfRows();
        java.util.Set<String> tables = new java.util.HashSet<>();
        columns.forEach(c -> tables.add(String.valueOf(c.get("table_name")).toLowerCase()));
        for (Map<String, Object> c : columns) {
            String table = String.valueOf(c.get("table_name")).toLowerCase();
            String column = String.valueOf(c.get("column_name")).toLowerCase();
            // a partition's rows are read through its partitioned table (cases_timeline_p0 through cases_timeline)
            if (FREE_TEXT.contains(table + "." + column) || isPartitionOf(table, tables)) {
                continue;
            }
            jdbc.sql("select cast(" + column + " as varchar) from " + table + " where " + column + " is not null")
                    .query((rs, n) -> rs.getString(1)).list().stream()
                    .filter(v -> !DIGEST.matcher(v).matches() && MOBILE.matcher(v).find()).limit(3)
                    .forEach(v -> found.add(table + "." + column + ": " + v.substring(0, Math.min(120, v.length()))));
        }
        return found;
    }
}
