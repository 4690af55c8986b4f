package cn.civicloop.security.internal.crypto;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.civicloop.shared.PersonalDataCipher;
import cn.civicloop.shared.SealedColumns;

/**
 * Seals what is not sealed under the current key, table by table in ascending key order, {@code batch-size} rows
 * per transaction: rows written before sealing existed (clear values), rows sealed under an older key after a
 * rotation, phones without their lookup hash. It keeps no progress of its own: what is left is read from the data,
 * so a run that stops (crash, restart, another instance taking over the task) simply resumes. A row changed by the
 * application between the read and the write of a batch is left for the next run (the write checks the values read).
 */
@Component
class PersonalDataResealer {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataResealer.class);

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final List<SealedColumns> tables;
    private final TransactionTemplate tx;
    private final int batchSize;

    PersonalDataResealer(JdbcClient jdbc, PersonalDataCipher cipher, List<SealedColumns> tables, TransactionTemplate tx,
            PersonalDataProperties properties) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.tables = tables;
        this.tx = tx;
        this.batchSize = properties.batchSize();
    }

    /** One pass over every declared table; returns the rows rewritten. */
    int resealAll() {
        int total = 0;
        for (SealedColumns t : tables) {
            int n = reseal(t);
            if (n > 0) {
                log.info("Personal data: {} rows of {} sealed under the current key", n, t.table());
            }
            total += n;
        }
        return total;
    }

    /** Rows of every declared table still waiting for the batch (clear, older key, or hash missing). */
    long remaining() {
        long n = 0;
        for (SealedColumns t : tables) {
            n += jdbc.sql("select count(*) from " + t.table() + " where " + pending(t)).params(prefixParams(t))
                    .query(Long.class).single();
        }
        return n;
    }

    int reseal(SealedColumns t) {
        long after = Long.MIN_VALUE;
        int rewritten = 0;
        while (true) {
            List<Map<String, Object>> rows = jdbc.sql("select " + t.idColumn() + ", " + String.join(", ", t.columns())
                            + " from " + t.table() + " where " + t.idColumn() + " > :after and (" + pending(t) + ")"
                            + " order by " + t.idColumn() + " limit " + batchSize)
                    .params(prefixParams(t)).param("after", after).query().listOfRows();
            if (rows.isEmpty()) {
                return rewritten;
            }
            after = ((Number) value(rows.get(rows.size() - 1), t.idColumn())).longValue();
            Integer done = tx.execute(status -> {
                int n = 0;
                for (Map<String, Object> row : rows) {
                    n += rewrite(t, row);
                }
                return n;
            });
            rewritten += done == null ? 0 : done;
        }
    }

    private int rewrite(SealedColumns t, Map<String, Object> row) {
        Map<String, Object> set = new LinkedHashMap<>();
        List<String> guards = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        int i = 0;
        for (String column : t.columns()) {
            String stored = (String) value(row, column);
            params.put("old" + i, stored);
            guards.add(column + " is not distinct from :old" + i);
            i++;
            if (stored == null || stored.isBlank()) {
                continue;
            }
            String clear = cipher.open(stored);
            if (!cipher.sealedWithCurrentKey(stored)) {
                set.put(column, cipher.seal(clear));
            }
            String hashColumn = t.phoneHashes().get(column);
            if (hashColumn != null) {
                set.put(hashColumn, cipher.phoneHash(clear));
            }
        }
        if (set.isEmpty()) {
            return 0;
        }
        List<String> assignments = new ArrayList<>();
        int j = 0;
        for (var e : set.entrySet()) {
            assignments.add(e.getKey() + " = :new" + j);
            params.put("new" + j, e.getValue());
            j++;
        }
        params.put("id", value(row, t.idColumn()));
        return jdbc.sql("update " + t.table() + " set " + String.join(", ", assignments) + " where " + t.idColumn()
                + " = :id and " + String.join(" and ", guards)).params(params).update();
    }

    /** A row needs the batch: a value not under the current key, or a phone without its hash. */
    private static String pending(SealedColumns t) {
        List<String> or = new ArrayList<>();
        for (String column : t.columns()) {
            or.add("(" + column + " is not null and " + column + " <> '' and left(" + column + ", :plen) <> :prefix)");
        }
        for (var e : t.phoneHashes().entrySet()) {
            or.add("(" + e.getKey() + " is not null and " + e.getKey() + " <> '' and " + e.getValue() + " is null)");
        }
        return String.join(" or ", or);
    }

    private Map<String, Object> prefixParams(SealedColumns t) {
        String prefix = currentPrefix();
        return Map.of("plen", prefix.length(), "prefix", prefix);
    }

    private String currentPrefix() {
        return PersonalDataCipher.PREFIX + ((Sm4PersonalDataCipher) cipher).currentKeyId() + ":";
    }

    /** Column labels come back lower case on H2 and PostgreSQL; look up either way. */
    private static Object value(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v != null || row.containsKey(column) ? v : row.get(column.toUpperCase());
    }
}
