package cn.civicloop.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.CaseStatus;
import cn.civicloop.cases.CaseView.AttachmentInfo;
import cn.civicloop.directory.Actor;
import cn.civicloop.support.MigrationDatabase;

/**
 * V510 on a database that already holds steps and photos (ADR 0065): the packed table comes empty, every stored step
 * reads as before, and a closed case with a photo of its reply packs (the photo keeps its step's id as a plain value,
 * the reference to the step is gone), reads alike packed, and comes back with the same ids when a step is added. On a
 * database of its own, dropped after.
 */
class StepsPackedMigrationTests {

    private static final Instant AT = Instant.parse("2025-03-02T02:00:00Z");

    private MigrationDatabase database;

    @Test
    void storedStepsPackWithTheirPhotosAndComeBackWithTheirIds() {
        database = MigrationDatabase.create("v510");
        database.flyway().target(database.versionBefore("510")).load().migrate();
        JdbcClient jdbc = JdbcClient.create(database.dataSource());
        Timestamp at = Timestamp.from(AT);
        List<Long> ids = ClosedCaseRows.insert(jdbc, AT, "SZ-20250302-000001", "SZ-20250302-000002");
        long caseId = ids.get(0);
        String[][] steps = {{"SUBMIT", null, "SUBMITTED"}, {"REGISTER", "SUBMITTED", "REGISTERED"},
            {"REPLY", "IN_PROGRESS", "REPLIED"}, {"CLOSE", "AWAITING_FOLLOW_UP", "CLOSED"}};
        for (long id : ids) {
            for (int k = 0; k < steps.length; k++) {
                jdbc.sql("""
                        insert into cases_timeline (case_id, occurred_at, actor_id, actor_name, actor_role, action,
                            from_status, to_status, reason, department_id, public_entry, actor_department_id)
                        values (?, ?, ?, '王芳', 'OPERATOR', ?, ?, ?, ?, ?, ?, ?)""")
                        .params(id, Timestamp.from(AT.plusSeconds(3600L * k).plusNanos(123_000)), k == 0 ? null : 7L,
                                steps[k][0], steps[k][1], steps[k][2], k == 2 ? "已更换灯泡，附照片" : null,
                                k < 2 ? null : 903L, k != 1, k == 2 ? 903L : null)
                        .update();
            }
        }
        long reply = jdbc.sql("select id from cases_timeline where case_id = ? and action = 'REPLY'").param(caseId)
                .query(Long.class).single();
        String photo = """
                insert into cases_attachment (case_id, timeline_id, purpose, filename, content_type, size_bytes,
                    sha256, data, created_at) values (?, ?, ?, ?, 'image/jpeg', 3, 'abc', ?, ?)""";
        jdbc.sql(photo).params(caseId, null, "APPEAL", "门口.jpg", new byte[] {1, 2, 3}, at).update();
        jdbc.sql(photo).params(caseId, reply, "EVIDENCE", "修好了.jpg", new byte[] {4, 5, 6}, at).update();
        Timeline timeline = new Timeline(jdbc, new cn.civicloop.cases.internal.sla.Clocks(jdbc),
                FigureShares.of(jdbc, database.dataSource()));
        List<Timeline.Row> before = timeline.of(caseId);

        database.flyway().load().migrate();

        assertThat(jdbc.sql("select count(*) from cases_timeline_packed").query(Long.class).single()).isZero();
        assertThat(timeline.of(caseId)).as("every stored step, every column").isEqualTo(before);
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(database.dataSource()));
        Instant now = AT.plus(Duration.ofDays(400));

        Boolean packed = tx.execute(s -> timeline.pack(caseId, now.minus(Duration.ofDays(365)), now));
        assertThat(packed).isTrue();

        assertThat(jdbc.sql("select count(*) from cases_timeline where case_id = ?").param(caseId).query(Long.class)
                .single()).as("the rows moved, the one a photo names too").isZero();
        assertThat(jdbc.sql("select count(*) from cases_timeline where case_id = ?").param(ids.get(1))
                .query(Long.class).single()).as("the other case untouched").isEqualTo(4);
        assertThat(timeline.of(caseId)).as("read from the packed row").isEqualTo(before);
        assertThat(timeline.latestReply(caseId)).contains(reply);
        assertThat(new Attachments(jdbc).publicOf(caseId, timeline.latestReply(caseId).orElseThrow()))
                .extracting(AttachmentInfo::filename).containsExactly("门口.jpg", "修好了.jpg");

        tx.executeWithoutResult(s -> timeline.append(caseId, now, Actor.system(), CaseAction.NOTE, CaseStatus.CLOSED,
                CaseStatus.CLOSED, "RETENTION_MASKED[]", null, false));

        assertThat(jdbc.sql("select count(*) from cases_timeline_packed").query(Long.class).single()).isZero();
        List<Timeline.Row> after = timeline.of(caseId);
        assertThat(after.subList(0, before.size())).as("restored with their ids").isEqualTo(before);
        assertThat(after).hasSize(before.size() + 1).last().satisfies(r -> {
            assertThat(r.action()).isEqualTo(CaseAction.NOTE);
            assertThat(r.id()).isGreaterThan(before.get(before.size() - 1).id());
        });
    }


    @AfterEach
    void dropSchema() {
        if (database != null) {
            database.drop();
        }
    }
}
