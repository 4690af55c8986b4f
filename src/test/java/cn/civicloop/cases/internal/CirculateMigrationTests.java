package cn.civicloop.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.CaseEscalated;
import cn.civicloop.cases.ClockStage;
import cn.civicloop.cases.EscalationStep;
import cn.civicloop.support.MigrationDatabase;
import tools.jackson.databind.json.JsonMapper;

/**
 * V15 renames the stored 通报 from REPORT to CIRCULATE: a database migrated to V14 gets rows with the old value
 * (as the application wrote them), is migrated to the latest version, and the rows read back as CIRCULATE, while
 * 举报 (the appeal kind REPORT) stays. On a database of its own: an H2 in memory, or a fresh schema on the test
 * PostgreSQL server ({@code -Dtest.db=postgres}, {@code CIVICLOOP_DB_URL}), dropped afterwards.
 */
class CirculateMigrationTests {

    private MigrationDatabase database;
    private DataSource dataSource;

    @Test
    void storedReportsOfTheLadderBecomeCirculars() {
        database = MigrationDatabase.create("v15");
        dataSource = database.dataSource();
        flyway().target(database.versionBefore("15")).load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        Timestamp at = Timestamp.from(Instant.parse("2026-11-25T02:00:00Z"));
        jdbc.sql("""
                insert into cases_case (number, status, channel, kind, urgency, title, content, fingerprint, due_at,
                    created_at, updated_at)
                values ('SZ-20261125-000001', 'IN_PROGRESS', 'WEBSITE', 'REPORT', 'NORMAL', '举报占道经营', '举报',
                    'f', ?, ?, ?)""").params(at, at, at).update();
        long caseId = jdbc.sql("select id from cases_case").query(Long.class).single();
        jdbc.sql("""
                insert into cases_timeline (case_id, occurred_at, actor_name, actor_role, action, from_status, to_status,
                    reason, public_entry)
                values (?, ?, '系统', 'SYSTEM', 'REPORT', 'IN_PROGRESS', 'IN_PROGRESS', '办结时限已用 200%：通报', false)""")
                .params(caseId, at).update();
        jdbc.sql("""
                insert into notify_inbox (staff_id, case_number, kind, title, body, source_event, created_at)
                values (1, 'SZ-20261125-000001', 'REPORT', '工单超时通报', '…',
                    'SZ-20261125-000001/ESCALATED/HANDLE/REPORT/200/2026-11-25T02:00:00Z', ?)""").param(at).update();
        JsonMapper json = JsonMapper.builder().build();
        CaseEscalated escalated = new CaseEscalated("SZ-20261125-000001", ClockStage.HANDLE, 200,
                EscalationStep.CIRCULATE, 7L, at.toInstant(), at.toInstant());
        String stored = json.writeValueAsString(escalated).replace("\"CIRCULATE\"", "\"REPORT\"");
        jdbc.sql("""
                insert into event_publication (id, listener_id, event_type, serialized_event, publication_date)
                values (?, 'notify', ?, ?, ?)""")
                .params(UUID.randomUUID(), CaseEscalated.class.getName(), stored, at).update();
        assertThat(jdbc.sql("select step from cases_escalation_rule where stage = 'HANDLE' and percent = 200")
                .query(String.class).single()).as("the ladder as V4 seeded it").isEqualTo("REPORT");

        flyway().load().migrate();

        assertThat(new Timeline(jdbc, new cn.civicloop.cases.internal.sla.Clocks(jdbc),
                FigureShares.of(jdbc, dataSource)).of(caseId)).singleElement()
                .satisfies(row -> assertThat(row.action()).isEqualTo(CaseAction.CIRCULATE));
        assertThat(EscalationStep.valueOf(jdbc.sql(
                "select step from cases_escalation_rule where stage = 'HANDLE' and percent = 200")
                .query(String.class).single())).isEqualTo(EscalationStep.CIRCULATE);
        assertThat(jdbc.sql("select kind || ' ' || source_event from notify_inbox").query(String.class).single())
                .isEqualTo("CIRCULATE SZ-20261125-000001/ESCALATED/HANDLE/CIRCULATE/200/2026-11-25T02:00:00Z");
        String event = jdbc.sql("select serialized_event from event_publication").query(String.class).single();
        assertThat(json.readValue(event, CaseEscalated.class)).isEqualTo(escalated);
        assertThat(jdbc.sql("select kind from cases_case").query(String.class).single()).as("举报 stays")
                .isEqualTo("REPORT");
    }


    @AfterEach
    void dropSchema() {
        if (database != null) {
            database.drop();
        }
    }

    private org.flywaydb.core.api.configuration.FluentConfiguration flyway() {
        return database.flyway();
    }
}
