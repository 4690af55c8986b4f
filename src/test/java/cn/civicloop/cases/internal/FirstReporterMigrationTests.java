package cn.civicloop.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.civicloop.support.MigrationDatabase;
import cn.civicloop.support.Node;

/**
 * V431–V432 on a database that already holds reporters (ADR 0059): a case's first reporter keeps his row and his
 * follow-up answer but no copy of the case's contact; a merged reporter keeps the copy made at the merge, and on
 * PostgreSQL the phone index holds only such copies. On a database of its own, dropped after.
 */
class FirstReporterMigrationTests {

    private MigrationDatabase database;

    @Test
    void firstReportersLoseTheirCopyOfTheCasesContactAndMergedOnesKeepTheirs() {
        database = MigrationDatabase.create("v431");
        database.flyway().target("400").load().migrate();
        JdbcClient jdbc = JdbcClient.create(database.dataSource());
        JdbcTemplate template = new JdbcTemplate(database.dataSource());
        Timestamp at = Timestamp.from(Instant.parse("2026-11-25T02:00:00Z"));
        template.batchUpdate("""
                insert into cases_case (number, status, channel, kind, urgency, title, content, fingerprint, due_at,
                    created_at, updated_at, contact_name, contact_phone, contact_phone_hash)
                values (?, 'IN_PROGRESS', 'WEBSITE', 'COMPLAINT', 'NORMAL', '路灯不亮', '小区门口路灯不亮', 'f', ?, ?, ?,
                    ?, ?, ?)""",
                List.of(new Object[] {"SZ-20261125-000001", at, at, at, "sealed-name-1", "sealed-phone-1", "hash-1"},
                        new Object[] {"SZ-20261125-000002", at, at, at, "sealed-name-2", "sealed-phone-2", "hash-2"}));
        List<Long> ids = jdbc.sql("select id from cases_case order by id").query(Long.class).list();
        long target = ids.get(0);
        long duplicate = ids.get(1);
        template.batchUpdate("""
                insert into cases_reporter (case_id, channel, contact_name, contact_phone, contact_phone_hash, anonymous,
                    reported_at, merged_from, follow_up_resolved, satisfaction, answered_at)
                values (?, 'WEBSITE', ?, ?, ?, false, ?, ?, ?, ?, ?)""",
                List.of(new Object[] {target, "sealed-name-1", "sealed-phone-1", "hash-1", at, null, true, "SATISFIED", at},
                        new Object[] {duplicate, "sealed-name-2", "sealed-phone-2", "hash-2", at, null, null, null, null},
                        new Object[] {target, "sealed-name-2", "sealed-phone-2", "hash-2", at, duplicate, null, null,
                            null}));

        database.flyway().load().migrate();

        assertThat(jdbc.sql("""
                select case_id || ' ' || coalesce(cast(merged_from as varchar), '-') || ' '
                    || coalesce(contact_name, '-') || ' ' || coalesce(contact_phone, '-') || ' '
                    || coalesce(contact_phone_hash, '-') || ' ' || coalesce(satisfaction, '-')
                from cases_reporter order by id""").query(String.class).list())
                .containsExactly(target + " - - - - SATISFIED", duplicate + " - - - - -",
                        target + " " + duplicate + " sealed-name-2 sealed-phone-2 hash-2 -");
        assertThat(jdbc.sql("select count(*) from cases_reporter where contact_phone_hash = ?").param("hash-2")
                .query(Long.class).single()).as("found by phone: the merged copy").isEqualTo(1);
        if (Node.onPostgres()) {
            assertThat(jdbc.sql("select indexdef from pg_indexes where indexname = 'cases_reporter_phone_hash' "
                    + "and schemaname = current_schema()").query(String.class).single())
                    .contains("WHERE (contact_phone_hash IS NOT NULL)");
        }
    }

    @AfterEach
    void dropSchema() {
        if (database != null) {
            database.drop();
        }
    }
}
