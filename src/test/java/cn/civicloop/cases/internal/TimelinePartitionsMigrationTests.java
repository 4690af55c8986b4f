package cn.civicloop.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.CaseView.AttachmentInfo;
import cn.civicloop.support.MigrationDatabase;
import cn.civicloop.support.Node;

/**
 * V480 on a database that already holds timeline steps and photos (ADR 0051): on PostgreSQL both tables become
 * partitioned by range of {@code case_id}, the old tables their first partitions up to the highest case id rounded up
 * to the block of 1,000,000, with the next two blocks empty; on H2 they stay plain tables with the same keys. Either
 * way every stored step and photo reads as before, new rows take ids above the stored ones, and a photo can only
 * name a step of its own case. On PostgreSQL a read by case touches one partition, also as a generic plan. On a
 * database of its own, dropped after.
 */
class TimelinePartitionsMigrationTests {

    private MigrationDatabase database;

    @Test
    void storedStepsAndPhotosReadAlikeFromThePartitionedTables() {
        database = MigrationDatabase.create("v480");
        database.flyway().target(database.versionBefore("480")).load().migrate();
        JdbcClient jdbc = JdbcClient.create(database.dataSource());
        JdbcTemplate template = new JdbcTemplate(database.dataSource());
        Timestamp at = Timestamp.from(Instant.parse("2026-11-25T02:00:00Z"));
        List<Object[]> cases = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            cases.add(new Object[] {"SZ-20261125-00000" + i, "路灯不亮", "小区门口路灯不亮", at, at, at});
        }
        template.batchUpdate("""
                insert into cases_case (number, status, channel, kind, urgency, title, content, fingerprint, due_at,
                    created_at, updated_at) values (?, 'CLOSED', 'WEBSITE', 'COMPLAINT', 'NORMAL', ?, ?, 'f', ?, ?, ?)""",
                cases);
        List<Long> ids = jdbc.sql("select id from cases_case order by id").query(Long.class).list();
        List<Object[]> steps = new ArrayList<>();
        for (int minute = 0; minute < 30; minute++) {
            steps.add(new Object[] {ids.get(minute % 3), Timestamp.from(at.toInstant().plusSeconds(60L * minute)),
                    minute < 27 ? "REGISTER" : "REPLY", minute % 2 == 0});
        }
        template.batchUpdate("""
                insert into cases_timeline (case_id, occurred_at, actor_name, actor_role, action, to_status,
                    public_entry) values (?, ?, '王芳', 'OPERATOR', ?, 'REGISTERED', ?)""", steps);
        long caseId = ids.get(1);
        List<Long> stepIds = jdbc.sql("select id from cases_timeline where case_id = ? order by id").param(caseId)
                .query(Long.class).list();
        long reply = jdbc.sql("select max(id) from cases_timeline where case_id = ? and action = 'REPLY'")
                .param(caseId).query(Long.class).single();
        String photo = """
                insert into cases_attachment (case_id, timeline_id, purpose, filename, content_type, size_bytes,
                    sha256, data, created_at) values (?, ?, ?, ?, 'image/jpeg', 3, 'abc', ?, ?)""";
        jdbc.sql(photo).params(caseId, null, "APPEAL", "门口.jpg", new byte[] {1, 2, 3}, at).update();
        jdbc.sql(photo).params(caseId, reply, "EVIDENCE", "修好了.jpg", new byte[] {4, 5, 6}, at).update();
        long maxStep = jdbc.sql("select max(id) from cases_timeline").query(Long.class).single();
        long maxPhoto = jdbc.sql("select max(id) from cases_attachment").query(Long.class).single();

        // up to the version before V510, which leaves a photo's step id a plain value (ADR 0065)
        database.flyway().target(database.versionBefore("510")).load().migrate();

        assertThat(jdbc.sql("""
                select count(*) from cases_timeline where occurred_at >= ? and occurred_at < ? and public_entry = true""")
                .params(at, Timestamp.from(at.toInstant().plusSeconds(600))).query(Long.class).single())
                .as("the public feed: the even minutes of the first ten").isEqualTo(5);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into cases_timeline (case_id, occurred_at, actor_name, actor_role, action, to_status,
                    public_entry) values (?, ?, '王芳', 'OPERATOR', 'REPLY', 'REPLIED', true)""")
                .params(ids.get(2), at).update(key, "id");
        long next = key.getKeyAs(Number.class).longValue();
        assertThat(next).as("new steps continue after the stored ids").isGreaterThan(maxStep);
        jdbc.sql(photo).params(ids.get(2), next, "EVIDENCE", "新.jpg", new byte[] {7}, at).update();
        assertThat(jdbc.sql("select max(id) from cases_attachment").query(Long.class).single())
                .as("new photos continue after the stored ids").isGreaterThan(maxPhoto);
        assertThatThrownBy(() -> jdbc.sql(photo).params(ids.get(0), next, "EVIDENCE", "别人的.jpg", new byte[] {8}, at)
                .update()).as("a photo naming a step of another case").isInstanceOf(DataAccessException.class);

        // the rest, V510 included: the steps are read through Timeline, which reads the packed table too
        database.flyway().load().migrate();

        Timeline timeline = new Timeline(jdbc, new cn.civicloop.cases.internal.sla.Clocks(jdbc),
                FigureShares.of(jdbc, database.dataSource()));
        assertThat(timeline.of(caseId)).extracting(Timeline.Row::id).as("every step, in order")
                .containsExactlyElementsOf(stepIds);
        assertThat(timeline.of(caseId)).filteredOn(row -> row.action() == CaseAction.REPLY).hasSize(1);
        Attachments attachments = new Attachments(jdbc);
        assertThat(attachments.publicOf(caseId, timeline.latestReply(caseId).orElseThrow()))
                .extracting(AttachmentInfo::filename).containsExactly("门口.jpg", "修好了.jpg");
        assertThat(attachments.publicOf(caseId, null)).extracting(AttachmentInfo::filename)
                .containsExactly("门口.jpg");
        long evidence = attachments.of(caseId).get(1).id();
        assertThat(attachments.content(caseId, evidence)).get()
                .satisfies(content -> assertThat(content.data()).containsExactly(4, 5, 6));

        if (Node.onPostgres()) {
            assertThat(partitions(jdbc, "cases_timeline")).containsExactly(
                    "cases_timeline_p0 FOR VALUES FROM (MINVALUE) TO ('1000000')",
                    "cases_timeline_p1000000 FOR VALUES FROM ('1000000') TO ('2000000')",
                    "cases_timeline_p2000000 FOR VALUES FROM ('2000000') TO ('3000000')");
            assertThat(partitions(jdbc, "cases_attachment")).containsExactly(
                    "cases_attachment_p0 FOR VALUES FROM (MINVALUE) TO ('1000000')",
                    "cases_attachment_p1000000 FOR VALUES FROM ('1000000') TO ('2000000')",
                    "cases_attachment_p2000000 FOR VALUES FROM ('2000000') TO ('3000000')");
            assertThat(jdbc.sql("""
                    select indexname || ' ' || indexdef from pg_indexes
                    where tablename = 'cases_timeline' and schemaname = current_schema() order by indexname""")
                    .query(String.class).list()).satisfiesExactly(
                            of -> assertThat(of).startsWith("cases_timeline_of_case").endsWith("(case_id)"),
                            primary -> assertThat(primary).startsWith("cases_timeline_pkey").endsWith("(case_id, id)"),
                            feed -> assertThat(feed).startsWith("cases_timeline_public")
                                    .endsWith("(occurred_at) WHERE public_entry"));
            String byCase = String.join("\n", jdbc.sql("explain select * from cases_timeline where case_id = "
                    + caseId + " order by id").query(String.class).list());
            assertThat(byCase).contains("cases_timeline_p0").doesNotContain("cases_timeline_p1000000");
            String generic = template.execute((ConnectionCallback<String>) connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("set plan_cache_mode = force_generic_plan");
                    statement.execute("prepare steps_of(bigint) as "
                            + "select * from cases_timeline where case_id = $1 order by id");
                    StringBuilder plan = new StringBuilder();
                    try (ResultSet rows = statement.executeQuery(
                            "explain (analyze, costs off, timing off, summary off) execute steps_of(" + caseId + ")")) {
                        while (rows.next()) {
                            plan.append(rows.getString(1)).append('\n');
                        }
                    }
                    return plan.toString();
                }
            });
            assertThat(generic).as("a generic plan prunes when it starts: the server-side prepared statements")
                    .contains("Subplans Removed: 2").contains("cases_timeline_p0")
                    .doesNotContain("cases_timeline_p1000000");
        } else {
            assertThat(jdbc.sql("""
                    select column_name from information_schema.key_column_usage
                    where lower(table_name) = 'cases_timeline' and lower(constraint_name) = 'cases_timeline_pkey'
                    order by ordinal_position""").query(String.class).list())
                    .containsExactly("case_id", "id");
        }
    }

    private static List<String> partitions(JdbcClient jdbc, String table) {
        return jdbc.sql("""
                select c.relname || ' ' || pg_get_expr(c.relpartbound, c.oid) from pg_inherits i
                join pg_class c on c.oid = i.inhrelid where i.inhparent = to_regclass(?)
                order by c.relname""").param(table).query(String.class).list().stream()
                .sorted(java.util.Comparator.comparingInt(String::length).thenComparing(s -> s)).toList();
    }


    @AfterEach
    void dropSchema() {
        if (database != null) {
            database.drop();
        }
    }
}
