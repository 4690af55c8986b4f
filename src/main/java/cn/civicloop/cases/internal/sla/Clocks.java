package cn.civicloop.cases.internal.sla;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.civicloop.calendar.LimitUnit;
import cn.civicloop.cases.ClockStage;

/**
 * The stage clocks of cases: one row per case in {@code cases_clock}, one group of columns per stage
 * ({@code handle_started_at}, {@code handle_due_at} …), all of a group null while the case has never had that clock
 * (ADR 0059). A stage's clock is written by its own columns only, so writing one clock never reads or rewrites another.
 */
@Repository
public class Clocks {

    /** The columns of one stage, after its prefix: the order the table holds them in (widest first). */
    private static final List<String> PARTS = List.of("started_at", "due_at", "stopped_at", "paused_at", "budget",
            "paused_seconds", "generation", "round_no", "unit");

    private final JdbcClient jdbc;

    /** Public for the migration that packs the clocks of cases packed before (and its tests). */
    public Clocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ClockState> find(long caseId, ClockStage stage) {
        return jdbc.sql("select " + columns(stage) + " from cases_clock where case_id = ? and "
                        + column(stage, "started_at") + " is not null")
                .param(caseId).query((rs, n) -> map(rs, caseId, stage)).optional();
    }

    /** The clocks the case has had, in the order of the stages. */
    public List<ClockState> of(long caseId) {
        String all = Arrays.stream(ClockStage.values()).map(Clocks::columns).collect(Collectors.joining(", "));
        return jdbc.sql("select " + all + " from cases_clock where case_id = ?").param(caseId).query((rs, n) -> {
            List<ClockState> clocks = new ArrayList<>();
            for (ClockStage stage : ClockStage.values()) {
                if (rs.getTimestamp(column(stage, "started_at")) != null) {
                    clocks.add(map(rs, caseId, stage));
                }
            }
            return clocks;
        }).optional().orElse(List.of());
    }

    /** The clocks of several cases at once, by case id (a case without a row is not in the map). */
    public Map<Long, List<ClockState>> of(Collection<Long> caseIds) {
        Map<Long, List<ClockState>> byCase = new HashMap<>();
        if (caseIds.isEmpty()) {
            return byCase;
        }
        String all = Arrays.stream(ClockStage.values()).map(Clocks::columns).collect(Collectors.joining(", "));
        jdbc.sql("select case_id, " + all + " from cases_clock where case_id in (:ids)").param("ids", caseIds)
                .query((rs, n) -> {
                    long caseId = rs.getLong("case_id");
                    List<ClockState> clocks = new ArrayList<>();
                    for (ClockStage stage : ClockStage.values()) {
                        if (rs.getTimestamp(column(stage, "started_at")) != null) {
                            clocks.add(map(rs, caseId, stage));
                        }
                    }
                    return Map.entry(caseId, clocks);
                }).list().forEach(e -> byCase.put(e.getKey(), e.getValue()));
        return byCase;
    }

    /**
     * Takes the clocks of an ended case out of the table, as the archive of old steps does when it packs the case
     * (ADR 0067): they are stored with its steps until a step on the case {@link #restore restores} them.
     */
    public void remove(long caseId) {
        jdbc.sql("delete from cases_clock where case_id = ?").param(caseId).update();
    }

    /** Puts back the clocks {@link #remove} took out, as they were (in the caller's transaction). */
    public void restore(List<ClockState> clocks) {
        for (int i = 0; i < clocks.size(); i++) {
            if (i == 0) {
                insert(clocks.get(i));
            } else {
                save(clocks.get(i));
            }
        }
    }

    /** The first clock of a new case: its row does not exist yet (saves a statement at intake). */
    void insert(ClockState c) {
        jdbc.sql("insert into cases_clock (case_id, " + columns(c.stage()) + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(values(c, true)).update();
    }

    void save(ClockState c) {
        String assignments = PARTS.stream().map(p -> column(c.stage(), p) + " = ?").collect(Collectors.joining(", "));
        int updated = jdbc.sql("update cases_clock set " + assignments + " where case_id = ?")
                .params(values(c, false)).update();
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

    /** The column of one part of a stage's clock, such as {@code follow_up_due_at}. */
    static String column(ClockStage stage, String part) {
        return stage.name().toLowerCase(Locale.ROOT) + "_" + part;
    }

    private static String columns(ClockStage stage) {
        return PARTS.stream().map(p -> column(stage, p)).collect(Collectors.joining(", "));
    }

    /** The values of {@link #PARTS}, with the case id first (an insert) or last (an update's condition). */
    private static Object[] values(ClockState c, boolean idFirst) {
        List<Object> v = new ArrayList<>();
        if (idFirst) {
            v.add(c.caseId());
        }
        v.addAll(Arrays.asList(ts(c.startedAt()), ts(c.dueAt()), ts(c.stoppedAt()), ts(c.pausedAt()),
                Math.toIntExact(c.budgetSeconds()), Math.toIntExact(c.pausedSeconds()), c.generation(),
                (short) c.round(), unitCode(c.unit())));
        if (!idFirst) {
            v.add(c.caseId());
        }
        return v.toArray();
    }

    /**
     * A unit's code in the table: 1 natural hours, 2 working hours, 3 working days (fixed numbers, not the enum's
     * order, so a new unit never changes a stored one).
     */
    static short unitCode(LimitUnit unit) {
        return switch (unit) {
            case HOURS -> 1;
            case WORKING_HOURS -> 2;
            case WORKING_DAYS -> 3;
        };
    }

    static LimitUnit unit(int code) {
        return switch (code) {
            case 1 -> LimitUnit.HOURS;
            case 2 -> LimitUnit.WORKING_HOURS;
            case 3 -> LimitUnit.WORKING_DAYS;
            default -> throw new IllegalStateException("unknown clock unit code " + code);
        };
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant instant(ResultSet rs, String col) throws SQLException {
        Timestamp t = rs.getTimestamp(col);
        return t == null ? null : t.toInstant();
    }

    private static ClockState map(ResultSet rs, long caseId, ClockStage stage) throws SQLException {
        return new ClockState(caseId, stage, rs.getInt(column(stage, "round_no")),
                rs.getInt(column(stage, "generation")), unit(rs.getInt(column(stage, "unit"))),
                instant(rs, column(stage, "started_at")), instant(rs, column(stage, "due_at")),
                rs.getLong(column(stage, "budget")), instant(rs, column(stage, "paused_at")),
                rs.getLong(column(stage, "paused_seconds")), instant(rs, column(stage, "stopped_at")));
    }
}
