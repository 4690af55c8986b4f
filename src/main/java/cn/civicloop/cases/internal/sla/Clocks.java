package cn.civicloop.cases.internal.sla;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.civicloop.calendar.LimitUnit;
import cn.civicloop.cases.ClockStage;

/** The stage clocks of cases, one row per case and stage. */
@Repository
public class Clocks {

    private static final String COLUMNS = """
            case_id, stage, round_no, generation, unit, started_at, due_at, budget_seconds, paused_at,
            paused_seconds, stopped_at""";

    private final JdbcClient jdbc;

    Clocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ClockState> find(long caseId, ClockStage stage) {
        return jdbc.sql("select " + COLUMNS + " from cases_clock where case_id = ? and stage = ?")
                .params(caseId, stage.name()).query(Clocks::map).optional();
    }

    public List<ClockState> of(long caseId) {
        return jdbc.sql("select " + COLUMNS + " from cases_clock where case_id = ?").param(caseId)
                .query(Clocks::map).list().stream().sorted((a, b) -> a.stage().compareTo(b.stage())).toList();
    }

    /** A clock the case has never had: no row to update (saves a statement at intake). */
    void insert(ClockState c) {
        jdbc.sql("insert into cases_clock (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(c.caseId(), c.stage().name(), c.round(), c.generation(), c.unit().name(),
                        ts(c.startedAt()), ts(c.dueAt()), c.budgetSeconds(), ts(c.pausedAt()),
                        c.pausedSeconds(), ts(c.stoppedAt()))
                .update();
    }

    void save(ClockState c) {
        int updated = jdbc.sql("""
                update cases_clock set round_no = ?, generation = ?, unit = ?, started_at = ?, due_at = ?,
                    budget_seconds = ?, paused_at = ?, paused_seconds = ?, stopped_at = ?
                where case_id = ? and stage = ?""")
                .params(c.round(), c.generation(), c.unit().name(), ts(c.startedAt()), ts(c.dueAt()),
                        c.budgetSeconds(), ts(c.pausedAt()), c.pausedSeconds(), ts(c.stoppedAt()), c.caseId(),
                        c.stage().name())
                .update();
        if (updated == 0) {
            insert(c);
        }
    }

    /** Records that a step fired; false if it had already fired (on this or another node). */
    public boolean markFired(long caseId, ClockStage stage, int round, int percent, Instant at) {
        return jdbc.sql("""
                insert into cases_escalation_fired (case_id, stage, round_no, percent, fired_at)
                values (?, ?, ?, ?, ?) on conflict do nothing""")
                .params(caseId, stage.name(), round, percent, ts(at)).update() == 1;
    }

    /** The rungs (by percent) that have fired in this round of the clock. */
    public Set<Integer> firedPercents(long caseId, ClockStage stage, int round) {
        return Set.copyOf(jdbc.sql("""
                select percent from cases_escalation_fired where case_id = ? and stage = ? and round_no = ?""")
                .params(caseId, stage.name(), round).query(Integer.class).list());
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant instant(ResultSet rs, String col) throws SQLException {
        Timestamp t = rs.getTimestamp(col);
        return t == null ? null : t.toInstant();
    }

    private static ClockState map(ResultSet rs, int row) throws SQLException {
        return new ClockState(rs.getLong("case_id"), ClockStage.valueOf(rs.getString("stage")), rs.getInt("round_no"),
                rs.getInt("generation"), LimitUnit.valueOf(rs.getString("unit")), instant(rs, "started_at"),
                instant(rs, "due_at"), rs.getLong("budget_seconds"), instant(rs, "paused_at"),
                rs.getLong("paused_seconds"), instant(rs, "stopped_at"));
    }
}
