package cn.civicloop.cases.internal.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import cn.civicloop.cases.ClockStage;
import cn.civicloop.cases.EscalationStep;
import cn.civicloop.cases.internal.sla.EscalationLadder.Rung;
import cn.civicloop.cluster.ReferenceChanges;

/**
 * The ladder as data, on an in-memory table of its own: rungs per stage lowest first, the copy every node keeps
 * until the ladder changes here or on another node (the cluster signal), and changes announced to the others.
 */
class EscalationLadderUnitTests {

    private SingleConnectionDataSource data;
    private JdbcClient jdbc;
    private final ReferenceChanges changes = mock(ReferenceChanges.class);
    private EscalationLadder ladder;
    private Runnable forget;

    @BeforeEach
    void table() {
        data = new SingleConnectionDataSource("jdbc:h2:mem:ladder_" + UUID.randomUUID() + ";MODE=PostgreSQL", true);
        jdbc = JdbcClient.create(data);
        jdbc.sql("create table cases_escalation_rule (stage varchar(16) not null, percent int not null, "
                + "step varchar(16) not null, primary key (stage, percent))").update();
        insert("HANDLE", 200, "CIRCULATE");
        insert("HANDLE", 80, "REMIND");
        insert("SIGN", 100, "SUPERVISE");
        insert("HANDLE", 100, "SUPERVISE");
        ladder = new EscalationLadder(jdbc, changes);
        ArgumentCaptor<Runnable> subscriber = ArgumentCaptor.forClass(Runnable.class);
        verify(changes).onChange(eq(EscalationLadder.TOPIC), subscriber.capture());
        forget = subscriber.getValue();
    }

    @AfterEach
    void close() {
        data.destroy();
    }

    private void insert(String stage, int percent, String step) {
        jdbc.sql("insert into cases_escalation_rule (stage, percent, step) values (?, ?, ?)")
                .params(stage, percent, step).update();
    }

    @Test
    void theRungsOfAStageComeLowestFirst() {
        assertThat(ladder.rungs(ClockStage.HANDLE)).containsExactly(
                new Rung(ClockStage.HANDLE, 80, EscalationStep.REMIND),
                new Rung(ClockStage.HANDLE, 100, EscalationStep.SUPERVISE),
                new Rung(ClockStage.HANDLE, 200, EscalationStep.CIRCULATE));
        assertThat(ladder.rungs(ClockStage.REVIEW)).isEmpty();
        assertThat(ladder.all()).extracting(r -> r.stage() + " " + r.percent())
                .containsExactly("HANDLE 80", "HANDLE 100", "HANDLE 200", "SIGN 100");
    }

    @Test
    void theCopyIsKeptUntilAnotherNodeSignalsAChange() {
        assertThat(ladder.rungs(ClockStage.SIGN)).hasSize(1);
        insert("SIGN", 80, "REMIND"); // written by another node
        assertThat(ladder.rungs(ClockStage.SIGN)).as("the copy").hasSize(1);
        forget.run();
        assertThat(ladder.rungs(ClockStage.SIGN)).extracting(Rung::percent).containsExactly(80, 100);
    }

    @Test
    void savingChangesARungOrAddsOneAndTellsTheOtherNodes() {
        assertThat(ladder.rungs(ClockStage.HANDLE)).hasSize(3);
        ladder.save(new Rung(ClockStage.HANDLE, 100, EscalationStep.CIRCULATE));
        assertThat(ladder.rungs(ClockStage.HANDLE)).extracting(Rung::step)
                .containsExactly(EscalationStep.REMIND, EscalationStep.CIRCULATE, EscalationStep.CIRCULATE);
        ladder.save(new Rung(ClockStage.HANDLE, 150, EscalationStep.SUPERVISE));
        assertThat(ladder.rungs(ClockStage.HANDLE)).extracting(Rung::percent).containsExactly(80, 100, 150, 200);
        assertThat(ladder.all()).hasSize(5);
        verify(changes, times(2)).announce(EscalationLadder.TOPIC);
    }

    @Test
    void removingARungTellsTheOtherNodes() {
        assertThat(ladder.rungs(ClockStage.HANDLE)).hasSize(3);
        verify(changes, never()).announce(any());
        ladder.remove(ClockStage.HANDLE, 80);
        assertThat(ladder.rungs(ClockStage.HANDLE)).extracting(Rung::percent).containsExactly(100, 200);
        assertThat(ladder.rungs(ClockStage.SIGN)).hasSize(1);
        verify(changes).announce(EscalationLadder.TOPIC);
    }
}
