package cn.civicloop.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

import cn.civicloop.support.MigrationDatabase;
import cn.civicloop.support.Node;

/**
 * The recurring task {@code case-partitions} (ADR 0051): on PostgreSQL a step or a photo of a case beyond the blocks
 * the migration made has no partition until the task has run; after it runs they are stored, with two empty blocks
 * above the case's, and a second run creates nothing. On H2 (plain tables) the task does nothing and such rows are
 * stored anyway. On a database of its own, dropped after.
 */
class CasePartitionsTests {

    private static final Timestamp AT = Timestamp.from(Instant.parse("2026-11-25T02:00:00Z"));

    private MigrationDatabase database;

    @Test
    void theTaskKeepsTwoEmptyBlocksAheadOfTheHighestCaseAndRunsAgainWithoutEffect() {
        database = MigrationDatabase.create("partitions");
        database.flyway().load().migrate();
        JdbcClient jdbc = JdbcClient.create(database.dataSource());
        RecurringTask<Void> task = new CasePartitions().casePartitionsTask(jdbc, database.dataSource(),
                new CasePartitionsProperties(1_000_000, 2, Duration.ofHours(1)));
        long beyond = 3_200_000;
        jdbc.sql("""
                insert into cases_case (id, number, status, channel, kind, urgency, title, content, due_at,
                    created_at, updated_at) values (?, 'SZ-20261125-320000', 'SUBMITTED', 'WEBSITE', 'COMPLAINT',
                    'NORMAL', '路灯不亮', '小区门口路灯不亮', ?, ?, ?)""").params(beyond, AT, AT, AT).update();

        if (Node.onPostgres()) {
            assertThatThrownBy(() -> step(jdbc, beyond)).as("blocks made by the migration end at 3,000,000")
                    .isInstanceOf(DataAccessException.class).hasMessageContaining("no partition");
        }

        task.execute(null, null);

        long stepId = step(jdbc, beyond);
        jdbc.sql("""
                insert into cases_attachment (case_id, timeline_id, purpose, filename, content_type, size_bytes,
                    sha256, data, created_at) values (?, ?, 'APPEAL', '门口.jpg', 'image/jpeg', 1, 'abc', ?, ?)""")
                .params(beyond, stepId, new byte[] {1}, AT).update();
        assertThat(new Timeline(jdbc, new cn.civicloop.cases.internal.sla.Clocks(jdbc),
                FigureShares.of(jdbc, database.dataSource())).of(beyond)).singleElement()
                .satisfies(row -> assertThat(row.id()).isEqualTo(stepId));
        assertThat(new Attachments(jdbc).of(beyond)).hasSize(1);
        if (Node.onPostgres()) {
            List<String> after = partitions(jdbc);
            assertThat(after).as("the case's block 3 and two empty blocks above it, for both tables").contains(
                    "cases_timeline_p3000000 FOR VALUES FROM ('3000000') TO ('4000000')",
                    "cases_timeline_p5000000 FOR VALUES FROM ('5000000') TO ('6000000')",
                    "cases_attachment_p3000000 FOR VALUES FROM ('3000000') TO ('4000000')",
                    "cases_attachment_p5000000 FOR VALUES FROM ('5000000') TO ('6000000')")
                    .noneMatch(p -> p.startsWith("cases_timeline_p6000000")).hasSize(12);
            assertThat(jdbc.sql("""
                    select count(*) from pg_indexes where schemaname = current_schema()
                    and tablename = 'cases_timeline_p5000000'""").query(Long.class).single())
                    .as("a new partition has the key and the two indexes of the table").isEqualTo(3);

            assertThat(CasePartitions.ahead(jdbc, 1_000_000, 2)).as("nothing left to create").isZero();
            task.execute(null, null);
            assertThat(partitions(jdbc)).isEqualTo(after);
        } else {
            assertThat(jdbc.sql("select count(*) from cases_timeline where case_id = ?").param(beyond)
                    .query(Long.class).single()).isEqualTo(1);
        }
    }

    private static long step(JdbcClient jdbc, long caseId) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into cases_timeline (case_id, occurred_at, actor_name, actor_role, action, to_status,
                    public_entry) values (?, ?, '系统', 'SYSTEM', 'SUBMIT', 'SUBMITTED', true)""")
                .params(caseId, AT).update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    private static List<String> partitions(JdbcClient jdbc) {
        return jdbc.sql("""
                select c.relname || ' ' || pg_get_expr(c.relpartbound, c.oid) from pg_inherits i
                join pg_class c on c.oid = i.inhrelid
                where i.inhparent in (to_regclass('cases_timeline'), to_regclass('cases_attachment'))
                order by 1""").query(String.class).list();
    }

    @AfterEach
    void dropSchema() {
        if (database != null) {
            database.drop();
        }
    }
}
