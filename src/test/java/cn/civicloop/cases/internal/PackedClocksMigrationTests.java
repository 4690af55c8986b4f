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
import cn.civicloop.cases.internal.sla.ClockState;
import cn.civicloop.cases.internal.sla.Clocks;
import cn.civicloop.directory.Actor;
import cn.civicloop.support.MigrationDatabase;

/**
 * V550 on a database that holds a case packed before its clocks were (a value of version 1, its row of
 * {@code cases_clock} beside it) and a case not packed (ADR 0067): the packed case's clocks move into its packed value,
 * read the same from there and come back with its steps when a step is added; the other case keeps its row. On a
 * database of its own, dropped after.
 */
class PackedClocksMigrationTests {

    private static final Instant AT = Instant.parse("2025-03-02T02:00:00Z");

    private MigrationDatabase database;

    @Test
    void theClocksOfACasePackedBeforeMoveIntoItsPackedValueAndComeBackWithItsSteps() {
        database = MigrationDatabase.create("v550");
        database.flyway().target(database.versionBefore("550")).load().migrate();
        JdbcClient jdbc = JdbcClient.create(database.dataSource());
        Timestamp at = Timestamp.from(AT);
        List<Long> ids = ClosedCaseRows.insert(jdbc, AT, "SZ-20250302-000001", "SZ-20250302-000002");
        long packedCase = ids.get(0);
        long hotCase = ids.get(1);
        Clocks clocks = new Clocks(jdbc);
        List<ClockState> packedClocks = PackedStepsTests.clocks(packedCase);
        clocks.restore(packedClocks);
        clocks.restore(PackedStepsTests.clocks(hotCase));
        List<Timeline.Row> steps = PackedStepsTests.typical();
        jdbc.sql("insert into cases_timeline_packed (case_id, packed_at, steps) values (?, ?, ?)")
                .params(packedCase, at, PackedStepsTests.stepsOnly(steps)).update();
        Timeline timeline = new Timeline(jdbc, clocks, FigureShares.of(jdbc, database.dataSource()));
        assertThat(clocks.of(packedCase)).as("stored as the clock keeper stores them").isEqualTo(packedClocks);

        database.flyway().javaMigrations(new PackedClocksBackfill()).load().migrate();

        assertThat(clocks.of(packedCase)).as("the row moved into the packed value").isEmpty();
        assertThat(jdbc.sql("select steps from cases_timeline_packed where case_id = ?").param(packedCase)
                .query((rs, n) -> rs.getBytes(1)).single()[0]).isEqualTo(PackedSteps.VERSION);
        assertThat(timeline.clocks(packedCase)).as("read from the packed value, every part").isEqualTo(packedClocks);
        assertThat(timeline.of(packedCase)).as("the steps as they were").isEqualTo(steps);
        assertThat(clocks.of(hotCase)).as("a case not packed keeps its row")
                .isEqualTo(PackedStepsTests.clocks(hotCase));

        new TransactionTemplate(new DataSourceTransactionManager(database.dataSource())).executeWithoutResult(s ->
                timeline.append(packedCase, AT.plus(Duration.ofDays(400)), Actor.system(), CaseAction.NOTE,
                        CaseStatus.CLOSED, CaseStatus.CLOSED, "RETENTION_MASKED[]", null, false));

        assertThat(clocks.of(packedCase)).as("restored with the steps").isEqualTo(packedClocks);
        assertThat(timeline.of(packedCase)).hasSize(steps.size() + 1);
        assertThat(jdbc.sql("select count(*) from cases_timeline_packed").query(Long.class).single()).isZero();
    }

    @AfterEach
    void dropSchema() {
        if (database != null) {
            database.drop();
        }
    }
}
