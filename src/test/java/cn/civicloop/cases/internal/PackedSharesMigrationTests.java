package cn.civicloop.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.CaseStatus;
import cn.civicloop.cases.internal.sla.Clocks;
import cn.civicloop.directory.Actor;
import cn.civicloop.support.MigrationDatabase;

/**
 * V560 on a database that holds packed cases with their shares of the daily figures (ADR 0068): the share of a packed
 * case that is what its row adds goes, one the figures' listener had not yet brought up to date stays, a case not
 * packed keeps its own; the figures stay as they were, and a step on the packed case writes its share back from its
 * row. On a database of its own, dropped after.
 */
class PackedSharesMigrationTests {

    private static final Instant AT = Instant.parse("2025-03-02T02:00:00Z");

    private MigrationDatabase database;

    @Test
    void packedCasesLoseTheirSharesAndAStepWritesOneBack() throws Exception {
        database = MigrationDatabase.create("v560");
        database.flyway().target(database.versionBefore("560")).load().migrate();
        JdbcClient jdbc = JdbcClient.create(database.dataSource());
        boolean postgres;
        try (Connection c = database.dataSource().getConnection()) {
            postgres = c.getMetaData().getDatabaseProductName().equals("PostgreSQL");
        }
        List<Long> ids = ClosedCaseRows.insert(jdbc, AT, "SZ-20250302-000001", "SZ-20250302-000002",
                "SZ-20250302-000003");
        long packed = ids.get(0);
        long behind = ids.get(1);
        long hot = ids.get(2);
        LocalDate day = LocalDate.of(2025, 3, 2);
        DayFigureRebuild.rebuild(jdbc, postgres, day, day, false);
        // the listener not yet run for the answer this case was given after the rebuild
        jdbc.sql("update cases_case set satisfaction = 'SATISFIED' where id = ?").param(behind).update();
        for (long id : List.of(packed, behind)) {
            jdbc.sql("insert into cases_timeline_packed (case_id, packed_at, steps) values (?, ?, ?)")
                    .params(id, Timestamp.from(AT), PackedSteps.pack(PackedStepsTests.typical(), List.of())).update();
        }
        List<String> figures = figures(jdbc);
        assertThat(figures).as("three closed cases on one day").anyMatch(r -> r.startsWith("2025-03-02|3|3|"));

        database.flyway().javaMigrations(new PackedSharesDropped()).load().migrate();

        assertThat(shareOf(jdbc, packed)).as("a packed case: its row is its share").isZero();
        assertThat(shareOf(jdbc, behind)).as("a share the listener has still to update stays").isOne();
        assertThat(shareOf(jdbc, hot)).as("a case not packed keeps its share").isOne();
        assertThat(figures(jdbc)).isEqualTo(figures);
        Timeline timeline = new Timeline(jdbc, new Clocks(jdbc), FigureShares.of(jdbc, postgres));
        new TransactionTemplate(new DataSourceTransactionManager(database.dataSource())).executeWithoutResult(s ->
                timeline.append(packed, AT.plus(Duration.ofDays(400)), Actor.system(), CaseAction.NOTE,
                        CaseStatus.CLOSED, CaseStatus.CLOSED, "RETENTION_MASKED[]", null, false));
        assertThat(shareOf(jdbc, packed)).as("restored with the steps").isOne();
        assertThat(jdbc.sql("select opened_day, ended_day, ended_status from cases_figure_share where case_id = ?")
                .param(packed).query((rs, n) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3))
                .single()).as("what the row adds").isEqualTo("2025-03-02|2025-03-02|CLOSED");
    }

    /** The day's totals: day, opened, closed, answered. */
    private static List<String> figures(JdbcClient jdbc) {
        return jdbc.sql("select on_day, sum(opened), sum(closed), sum(answered) from cases_day_totals group by on_day "
                + "order by on_day").query((rs, n) -> rs.getString(1) + "|" + rs.getLong(2) + "|" + rs.getLong(3)
                        + "|" + rs.getLong(4)).list();
    }

    private static long shareOf(JdbcClient jdbc, long caseId) {
        return jdbc.sql("select count(*) from cases_figure_share where case_id = ?").param(caseId).query(Long.class)
                .single();
    }

    @AfterEach
    void dropSchema() {
        if (database != null) {
            database.drop();
        }
    }
}
