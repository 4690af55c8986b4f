package cn.civicloop.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.civicloop.support.MigrationDatabase;
import cn.civicloop.support.Node;

/**
 * V421 on a database that already holds timeline steps (ADR 0056): on PostgreSQL the index by case becomes one on
 * {@code case_id} alone and the feed's index holds only the public steps; on H2 the indexes of V3 and V91 stay. Either
 * way the steps of a case and the public steps of a window read as before. On a database of its own, dropped after.
 */
class TimelineIndexesMigrationTests {

    private MigrationDatabase database;

    @Test
    void storedStepsAreReadByCaseAndByTimeThroughTheNarrowerIndexes() {
        database = MigrationDatabase.create("v421");
        database.flyway().target("380").load().migrate();
        JdbcClient jdbc = JdbcClient.create(database.dataSource());
        Timestamp at = Timestamp.from(Instant.parse("2026-11-25T02:00:00Z"));
        List<Object[]> cases = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            cases.add(new Object[] {"SZ-20261125-00000" + i, "路灯不亮", "小区门口路灯不亮", at, at, at});
        }
        new JdbcTemplate(database.dataSource()).batchUpdate("""
                insert into cases_case (number, status, channel, kind, urgency, title, content, fingerprint, due_at,
                    created_at, updated_at) values (?, 'CLOSED', 'WEBSITE', 'COMPLAINT', 'NORMAL', ?, ?, 'f', ?, ?, ?)""",
                cases);
        List<Long> ids = jdbc.sql("select id from cases_case order by id").query(Long.class).list();
        List<Object[]> steps = new ArrayList<>();
        for (int minute = 0; minute < 30; minute++) {
            steps.add(new Object[] {ids.get(minute % 3), Timestamp.from(at.toInstant().plusSeconds(60L * minute)),
                    minute % 2 == 0});
        }
        new JdbcTemplate(database.dataSource()).batchUpdate("""
                insert into cases_timeline (case_id, occurred_at, actor_name, actor_role, action, to_status,
                    public_entry) values (?, ?, '王芳', 'OPERATOR', 'REGISTER', 'REGISTERED', ?)""", steps);

        database.flyway().load().migrate();

        assertThat(jdbc.sql("select count(*) from cases_timeline where case_id = ?").param(ids.get(1))
                .query(Long.class).single()).isEqualTo(10);
        assertThat(jdbc.sql("""
                select count(*) from cases_timeline where occurred_at >= ? and occurred_at < ? and public_entry = true""")
                .params(at, Timestamp.from(at.toInstant().plusSeconds(600))).query(Long.class).single())
                .as("the even minutes of the first ten").isEqualTo(5);
        List<String> indexes = Node.onPostgres()
                ? jdbc.sql("select indexname from pg_indexes where tablename = 'cases_timeline' "
                        + "and schemaname = current_schema()").query(String.class).list()
                : jdbc.sql("select index_name from information_schema.indexes where lower(table_name) = 'cases_timeline'")
                        .query(String.class).list().stream().map(name -> name.toLowerCase(java.util.Locale.ROOT))
                        .toList();
        if (Node.onPostgres()) {
            assertThat(indexes).contains("cases_timeline_of_case", "cases_timeline_public")
                    .doesNotContain("cases_timeline_case", "cases_timeline_occurred");
            assertThat(jdbc.sql("select indexdef from pg_indexes where indexname = 'cases_timeline_public' "
                    + "and schemaname = current_schema()").query(String.class).single()).contains("WHERE public_entry");
        } else {
            assertThat(indexes).contains("cases_timeline_case", "cases_timeline_occurred");
        }
    }

    @AfterEach
    void dropSchema() {
        if (database != null) {
            database.drop();
        }
    }
}
