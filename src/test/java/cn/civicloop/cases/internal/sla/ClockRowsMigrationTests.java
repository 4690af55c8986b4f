package cn.civicloop.cases.internal.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.civicloop.calendar.LimitUnit;
import cn.civicloop.cases.ClockStage;
import cn.civicloop.support.MigrationDatabase;

/**
 * V430 on a database that already holds stage clocks in rows per case and stage (ADR 0059): each case's clocks become
 * one row, and every clock reads back as it was stored (stopped, paused, each unit), a case's clocks in the order of
 * the stages; a clock written afterwards changes only its own stage. On a database of its own, dropped after.
 */
class ClockRowsMigrationTests {

    private static final Instant AT = Instant.parse("2026-11-25T02:00:00.123456Z");

    private MigrationDatabase database;

    @Test
    void storedClocksReadBackFromOneRowPerCase() {
        database = MigrationDatabase.create("v430");
        database.flyway().target("400").load().migrate();
        JdbcClient jdbc = JdbcClient.create(database.dataSource());
        JdbcTemplate template = new JdbcTemplate(database.dataSource());
        Timestamp at = Timestamp.from(AT);
        template.batchUpdate("""
                insert into cases_case (number, status, channel, kind, urgency, title, content, fingerprint, due_at,
                    created_at, updated_at) values (?, 'IN_PROGRESS', 'WEBSITE', 'COMPLAINT', 'NORMAL', '路灯不亮',
                    '小区门口路灯不亮', 'f', ?, ?, ?)""",
                List.of(new Object[] {"SZ-20261125-000001", at, at, at}, new Object[] {"SZ-20261125-000002", at, at, at},
                        new Object[] {"SZ-20261125-000003", at, at, at}));
        List<Long> ids = jdbc.sql("select id from cases_case order by id").query(Long.class).list();
        long first = ids.get(0);
        long second = ids.get(1);
        List<ClockState> stored = List.of(
                new ClockState(first, ClockStage.SIGN, 1, 2, LimitUnit.HOURS, AT, AT.plusSeconds(86_400), 86_400,
                        null, 0, AT.plusSeconds(3_600)),
                new ClockState(first, ClockStage.HANDLE, 2, 7, LimitUnit.WORKING_DAYS, AT.plusSeconds(60),
                        AT.plusSeconds(13 * 86_400), 1_123_200, AT.plusSeconds(7_200), 5_400, null),
                new ClockState(first, ClockStage.FOLLOW_UP, 1, 1, LimitUnit.WORKING_HOURS, AT.plusSeconds(120),
                        AT.plusSeconds(28_800), 28_800, null, 0, null),
                new ClockState(second, ClockStage.CONTACT, 3, 4, LimitUnit.WORKING_DAYS, AT, AT.plusSeconds(86_400),
                        32_400, null, 0, AT.plusSeconds(600)));
        template.batchUpdate("""
                insert into cases_clock (case_id, stage, round_no, generation, unit, started_at, due_at, budget_seconds,
                    paused_at, paused_seconds, stopped_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                stored.stream().map(c -> new Object[] {c.caseId(), c.stage().name(), c.round(), c.generation(),
                        c.unit().name(), ts(c.startedAt()), ts(c.dueAt()), c.budgetSeconds(), ts(c.pausedAt()),
                        c.pausedSeconds(), ts(c.stoppedAt())}).toList());

        database.flyway().load().migrate();

        Clocks clocks = new Clocks(jdbc);
        assertThat(jdbc.sql("select count(*) from cases_clock").query(Long.class).single()).isEqualTo(2);
        assertThat(clocks.of(first)).containsExactly(stored.get(0), stored.get(1), stored.get(2));
        assertThat(clocks.of(second)).containsExactly(stored.get(3));
        assertThat(clocks.of(ids.get(2))).as("a case without clocks").isEmpty();
        assertThat(clocks.find(first, ClockStage.HANDLE)).contains(stored.get(1));
        assertThat(clocks.find(first, ClockStage.REVIEW)).isEmpty();

        ClockState review = new ClockState(first, ClockStage.REVIEW, 1, 1, LimitUnit.WORKING_DAYS, AT.plusSeconds(900),
                AT.plusSeconds(86_400), 32_400, null, 0, null);
        clocks.save(review);
        ClockState stopped = stored.get(1).withPlan(8, stored.get(1).dueAt(), stored.get(1).budgetSeconds(), null,
                stored.get(1).pausedSeconds(), AT.plusSeconds(9_000));
        clocks.save(stopped);
        clocks.insert(new ClockState(ids.get(2), ClockStage.HANDLE, 1, 1, LimitUnit.HOURS, AT, AT.plusSeconds(3_600),
                3_600, null, 0, null));
        assertThat(clocks.of(first)).containsExactly(stored.get(0), stopped, review, stored.get(2));
        assertThat(clocks.of(second)).containsExactly(stored.get(3));
        assertThat(clocks.of(ids.get(2))).extracting(ClockState::stage).containsExactly(ClockStage.HANDLE);
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    @AfterEach
    void dropSchema() {
        if (database != null) {
            database.drop();
        }
    }
}
