package cn.civicloop.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.CaseStatus;
import cn.civicloop.shared.PersonalDataCipher;
import cn.civicloop.support.MigrationDatabase;
import cn.civicloop.support.Node;

/**
 * V500–V501 on a database that already holds cases (ADR 0060): the three columns nobody read are gone and the cases
 * written before read and write back through {@link Cases} with everything else they held; on PostgreSQL the status
 * index holds no closed case, the unit index only cases a unit holds and the phone index only cases with a phone, and
 * the list's statements still walk them (a closed case is found without them). On a database of its own, dropped after.
 */
class CaseRowNarrowedMigrationTests {

    private static final Instant AT = Instant.parse("2026-11-25T02:00:00Z");

    private MigrationDatabase database;

    @Test
    void casesWrittenBeforeReadBackWithoutTheDroppedColumnsAndTheNarrowedIndexesServeTheList() throws SQLException {
        database = MigrationDatabase.create("v500");
        database.flyway().target("470").load().migrate();
        JdbcClient jdbc = JdbcClient.create(database.dataSource());
        Timestamp at = Timestamp.from(AT);
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {"SZ-20261125-000001", "CLOSED", null, null, null, 7L, at});
        rows.add(new Object[] {"SZ-20261125-000002", "EXTENSION_REQUESTED", 3, "等待配件到货", 11L, null, null});
        rows.add(new Object[] {"SZ-20261125-000003", "DECLINED", null, null, null, null, at});
        rows.add(new Object[] {"SZ-20261125-000004", "IN_PROGRESS", null, null, null, 7L, null});
        new JdbcTemplate(database.dataSource()).batchUpdate("""
                insert into cases_case (number, status, channel, kind, urgency, title, content, fingerprint, due_at,
                    created_at, updated_at, department_id, extension_days, extension_reason, unit_id, created_by,
                    closed_at, contact_phone_hash)
                values (?, ?, 'WEBSITE', 'COMPLAINT', 'NORMAL', '路灯不亮', '小区门口路灯不亮', 'f', ?, ?, ?, 10, ?, ?, ?,
                    ?, ?, ?)""",
                rows.stream().map(r -> new Object[] {r[0], r[1], at, at, at, r[2], r[3], r[4], r[5], r[6],
                        r[0].toString().endsWith("4") ? "hash-4" : null}).toList());

        database.flyway().load().migrate();

        assertThat(columns(jdbc)).contains("number", "extension_days", "unit_id", "closed_at")
                .doesNotContain("fingerprint", "created_by", "extension_reason");
        Cases cases = new Cases(jdbc, new RowsWrittenBeforeSealing(), new PinnedPlans(jdbc, database.dataSource()));
        Case waiting = cases.byNumber("SZ-20261125-000002").orElseThrow();
        assertThat(waiting.status).isEqualTo(CaseStatus.EXTENSION_REQUESTED);
        assertThat(waiting.extensionDays).isEqualTo(3);
        assertThat(waiting.unitId).isEqualTo(11L);
        assertThat(waiting.title).isEqualTo("路灯不亮");
        waiting.moveTo(CaseAction.APPROVE_EXTENSION, AT.plusSeconds(60));
        waiting.extensionDays = null;
        cases.update(waiting);
        Case approved = cases.byNumber("SZ-20261125-000002").orElseThrow();
        assertThat(approved.status).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(approved.extensionDays).isNull();
        assertThat(approved.version).isEqualTo(1);
        assertThat(cases.byNumber("SZ-20261125-000001").orElseThrow().closedAt).isEqualTo(AT);

        if (Node.onPostgres()) {
            assertThat(indexDefinition(jdbc, "cases_case_status_created")).contains("WHERE", "<>", "'CLOSED'");
            assertThat(indexDefinition(jdbc, "cases_case_unit_created")).contains("WHERE (unit_id IS NOT NULL)");
            assertThat(indexDefinition(jdbc, "cases_case_phone_hash")).contains("WHERE (contact_phone_hash IS NOT NULL)");
            try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("set enable_seqscan = off"); // four rows: only which indexes may serve is in question
                assertThat(plan(s, "status = 'DECLINED'")).contains("cases_case_status_created");
                assertThat(plan(s, "status = 'CLOSED'")).doesNotContain("cases_case_status_created");
                assertThat(plan(s, "unit_id = 11")).contains("cases_case_unit_created");
                assertThat(plan(s, "contact_phone_hash = 'hash-4'")).contains("cases_case_phone_hash");
                assertThat(numbers(s, "status = 'DECLINED'")).containsExactly("SZ-20261125-000003");
                assertThat(numbers(s, "status = 'CLOSED'")).containsExactly("SZ-20261125-000001");
                assertThat(numbers(s, "unit_id = 11")).containsExactly("SZ-20261125-000002");
                assertThat(numbers(s, "contact_phone_hash = 'hash-4'")).containsExactly("SZ-20261125-000004");
            }
        }
    }

    /** The columns of {@code cases_case} in this database's schema. */
    private static List<String> columns(JdbcClient jdbc) {
        return jdbc.sql("select lower(column_name) from information_schema.columns where lower(table_name) = 'cases_case'"
                + " and lower(table_schema) = lower(current_schema())").query(String.class).list();
    }

    private static String indexDefinition(JdbcClient jdbc, String name) {
        return jdbc.sql("select indexdef from pg_indexes where indexname = ? and schemaname = current_schema()")
                .param(name).query(String.class).single();
    }

    /** The plan of the list's statement with {@code condition}, as the staff list sends it (newest first, counted). */
    private static String plan(Statement s, String condition) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (ResultSet r = s.executeQuery("explain select id from cases_case where 1 = 1 and " + condition
                + " order by created_at desc, id desc limit 1001")) {
            while (r.next()) {
                plan.append(r.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }

    private static List<String> numbers(Statement s, String condition) throws SQLException {
        List<String> numbers = new ArrayList<>();
        try (ResultSet r = s.executeQuery("select number from cases_case where 1 = 1 and " + condition
                + " order by created_at desc, id desc limit 1001")) {
            while (r.next()) {
                numbers.add(r.getString(1));
            }
        }
        return numbers;
    }

    /** The rows of this test hold no sealed value: they read as they are, as rows written before sealing do. */
    private static final class RowsWrittenBeforeSealing implements PersonalDataCipher {

        @Override
        public String seal(String clear) {
            return clear;
        }

        @Override
        public String open(String stored) {
            return stored;
        }

        @Override
        public String phoneHash(String phone) {
            return null;
        }

        @Override
        public boolean sealedWithCurrentKey(String stored) {
            return true;
        }
    }

    @AfterEach
    void dropSchema() {
        if (database != null) {
            database.drop();
        }
    }
}
