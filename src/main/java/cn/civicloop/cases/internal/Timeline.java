package cn.civicloop.cases.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.CaseStatus;
import cn.civicloop.cases.internal.sla.ClockState;
import cn.civicloop.cases.internal.sla.Clocks;
import cn.civicloop.directory.Actor;
import cn.civicloop.directory.Role;

/**
 * The append-only history of each case. No step is ever changed or dropped; the steps of a case closed long ago are
 * moved, all of them, into one packed row of {@code cases_timeline_packed} and back (ADR 0065): {@link #of} reads
 * both tables alike, {@link #append} restores a packed case's rows, with their ids, before it adds a step. The
 * case's stage clocks are packed and restored with its steps (ADR 0067): {@link #clocks} reads them either way. Its
 * share of the daily figures goes at the packing and comes back at the restoring (ADR 0068, {@link FigureShares}).
 */
@Repository
class Timeline {

    /** The ended statuses as SQL literals (the enum's names, never input): only a case in one of them is packed. */
    private static final String ENDED = Arrays.stream(CaseStatus.values()).filter(CaseStatus::ended)
            .map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));

    private final JdbcClient jdbc;
    private final Clocks clocks;
    private final FigureShares shares;

    Timeline(JdbcClient jdbc, Clocks clocks, FigureShares shares) {
        this.jdbc = jdbc;
        this.clocks = clocks;
        this.shares = shares;
    }

    /** A timeline row as stored; names are resolved by the query side. */
    record Row(long id, Instant at, Long actorId, String actorName, String actorRole, CaseAction action,
            CaseStatus from, CaseStatus to, String reason, Long departmentId, boolean publicEntry,
            Long actorDepartmentId) {
    }

    long append(long caseId, Instant at, Actor actor, CaseAction action, CaseStatus from, CaseStatus to,
            String reason, Long departmentId, boolean publicEntry) {
        return append(caseId, at, actor, mainRole(actor), action, from, to, reason, departmentId, publicEntry);
    }

    /** An entry of a step taken in one named role of the actor's (e.g. as the media centre by one who also handles). */
    long append(long caseId, Instant at, Actor actor, Role role, CaseAction action, CaseStatus from, CaseStatus to,
            String reason, Long departmentId, boolean publicEntry) {
        // Only an ended case can be packed, and only long after it ended: a step from any other status (the appeal's
        // own steps, most of all) needs no look for a packed row. A case's first step has nothing packed either.
        if (action != CaseAction.SUBMIT && (from == null || from.ended())) {
            unpack(caseId);
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into cases_timeline (case_id, occurred_at, actor_id, actor_name, actor_role, action, from_status,
                    to_status, reason, department_id, public_entry, actor_department_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(caseId, Cases.ts(at), actor.staffId(), actor.displayName(), role.name(),
                        action.name(), from == null ? null : from.name(), to.name(), reason, departmentId, publicEntry,
                        actor.departmentId())
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    /**
     * The steps of a case, in id order, packed or not. Every case's first step is its SUBMIT (CaseIntake), and a
     * packed case has none in {@code cases_timeline} (a step added while it was being packed at most): so only when
     * the first row read is not a SUBMIT is the packed row looked for, and the two merged by id.
     */
    List<Row> of(long caseId) {
        List<Row> rows = hot(caseId);
        if (!rows.isEmpty() && rows.get(0).action() == CaseAction.SUBMIT) {
            return rows;
        }
        Optional<byte[]> packed = packed(caseId, false);
        return packed.isEmpty() ? rows : merged(PackedSteps.unpack(packed.get()), rows);
    }

    /**
     * The stage clocks the case has had, in the order of the stages, from {@code cases_clock} or, for a packed case,
     * from its packed row. Every case gets its first clock at intake, so only a case without a row there is looked
     * for in the packed rows.
     */
    List<ClockState> clocks(long caseId) {
        List<ClockState> kept = clocks.of(caseId);
        if (!kept.isEmpty()) {
            return kept;
        }
        return packed(caseId, false).map(p -> PackedSteps.read(p, caseId).clocks()).orElse(List.of());
    }

    /** The id of the case's latest REPLY step, packed or not; empty when it has none. */
    Optional<Long> latestReply(long caseId) {
        List<Long> hot = jdbc.sql("select max(id) from cases_timeline where case_id = ? and action = 'REPLY'")
                .param(caseId).query((rs, n) -> rs.getObject(1, Long.class)).list();
        if (!hot.isEmpty() && hot.get(0) != null) {
            return Optional.of(hot.get(0));
        }
        return of(caseId).stream().filter(r -> r.action() == CaseAction.REPLY).map(Row::id)
                .max(Comparator.naturalOrder());
    }

    /**
     * Packs the steps of case {@code caseId} when it is still ended since before {@code closedBefore}: its rows
     * (with a packed row a concurrent step left beside them, if any) become one row of {@code cases_timeline_packed},
     * and the rows read are deleted, all in the caller's transaction. The case's row is locked first, so a command
     * that changes the case waits for the packing and then finds the packed row, or the packing waits for the
     * command and then finds the case no longer ended. A step added without changing the case's row (a supervisor's
     * remark) may come between the read and the commit: it is not deleted (only the rows read are), and the readers
     * read both.
     *
     * @return whether the case was packed (false: no longer ended long enough, or no rows to pack)
     */
    boolean pack(long caseId, Instant closedBefore, Instant now) {
        boolean ended = jdbc.sql("select id from cases_case where id = ? and status in (" + ENDED
                + ") and closed_at < ? for update").params(caseId, Cases.ts(closedBefore)).query(Long.class)
                .optional().isPresent();
        if (!ended) {
            return false;
        }
        List<Row> rows = hot(caseId);
        if (rows.isEmpty()) {
            return false;
        }
        Optional<PackedSteps.Content> earlier = packed(caseId, true).map(p -> PackedSteps.read(p, caseId));
        // the clocks are in cases_clock, or in the packed row a concurrent step left beside the rows read
        List<ClockState> clocksNow = clocks.of(caseId);
        if (clocksNow.isEmpty() && earlier.isPresent()) {
            clocksNow = earlier.get().clocks();
        }
        byte[] steps = PackedSteps.pack(earlier.isEmpty() ? rows : merged(earlier.get().steps(), rows), clocksNow);
        if (earlier.isEmpty()) {
            jdbc.sql("insert into cases_timeline_packed (case_id, packed_at, steps) values (?, ?, ?)")
                    .params(caseId, Cases.ts(now), steps).update();
        } else {
            jdbc.sql("update cases_timeline_packed set packed_at = ?, steps = ? where case_id = ?")
                    .params(Cases.ts(now), steps, caseId).update();
        }
        jdbc.sql("delete from cases_timeline where case_id = :case and id in (:ids)").param("case", caseId)
                .param("ids", rows.stream().map(Row::id).toList()).update();
        clocks.remove(caseId);
        shares.release(caseId);
        return true;
    }

    /**
     * Restores the rows of a packed case, with their ids, and its clocks, in the caller's transaction; nothing when
     * the case is not packed. The packed row is locked and deleted first: of two transactions restoring the same
     * case, the second waits and then finds nothing to restore. A command that moves the clocks of an ended case
     * calls this before it reads them ({@code CaseService}).
     */
    void unpack(long caseId) {
        Optional<byte[]> packed = packed(caseId, true);
        if (packed.isEmpty()
                || jdbc.sql("delete from cases_timeline_packed where case_id = ?").param(caseId).update() == 0) {
            return;
        }
        // the share from the row as it was packed: the command changes the row after this, in this transaction
        shares.restore(caseId);
        PackedSteps.Content content = PackedSteps.read(packed.get(), caseId);
        // a value of version 1 holds no clocks: they stayed in cases_clock
        clocks.restore(content.clocks());
        for (Row r : content.steps()) {
            jdbc.sql("""
                    insert into cases_timeline (id, case_id, occurred_at, actor_id, actor_name, actor_role, action,
                        from_status, to_status, reason, department_id, public_entry, actor_department_id)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(r.id(), caseId, Cases.ts(r.at()), r.actorId(), r.actorName(), r.actorRole(),
                            r.action().name(), r.from() == null ? null : r.from().name(), r.to().name(), r.reason(),
                            r.departmentId(), r.publicEntry(), r.actorDepartmentId())
                    .update();
        }
    }

    private List<Row> hot(long caseId) {
        return jdbc.sql("""
                select id, occurred_at, actor_id, actor_name, actor_role, action, from_status, to_status, reason,
                       department_id, public_entry, actor_department_id
                from cases_timeline where case_id = ? order by id""").param(caseId)
                .query((rs, n) -> new Row(rs.getLong("id"), Cases.instant(rs, "occurred_at"),
                        rs.getObject("actor_id", Long.class), rs.getString("actor_name"), rs.getString("actor_role"),
                        CaseAction.valueOf(rs.getString("action")),
                        rs.getString("from_status") == null ? null : CaseStatus.valueOf(rs.getString("from_status")),
                        CaseStatus.valueOf(rs.getString("to_status")), rs.getString("reason"),
                        rs.getObject("department_id", Long.class), rs.getBoolean("public_entry"),
                        rs.getObject("actor_department_id", Long.class)))
                .list();
    }

    private Optional<byte[]> packed(long caseId, boolean lock) {
        return jdbc.sql("select steps from cases_timeline_packed where case_id = ?" + (lock ? " for update" : ""))
                .param(caseId).query((rs, n) -> rs.getBytes(1)).optional();
    }

    private static List<Row> merged(List<Row> a, List<Row> b) {
        TreeMap<Long, Row> byId = new TreeMap<>();
        a.forEach(r -> byId.put(r.id(), r));
        b.forEach(r -> byId.put(r.id(), r));
        return new ArrayList<>(byId.values());
    }

    /**
     * The role an actor acted in, for the record: the most specific one he holds. A member of staff on whose word
     * the application takes a step (the opinion officer opening a linked response) holds the system's role for that
     * step, and is recorded in his own.
     */
    static Role mainRole(Actor actor) {
        List<Role> order = actor.isStaff()
                ? List.of(Role.OPERATOR, Role.TRIAGE_OFFICER, Role.DEPT_HEAD, Role.HANDLER, Role.LEADER,
                        Role.MEDIA_OFFICER, Role.ADMIN, Role.OPINION_OFFICER, Role.SYSTEM)
                : List.of(Role.RESIDENT, Role.SYSTEM, Role.OPERATOR, Role.TRIAGE_OFFICER, Role.DEPT_HEAD,
                        Role.HANDLER, Role.LEADER, Role.MEDIA_OFFICER, Role.ADMIN);
        for (Role role : order) {
            if (actor.has(role)) {
                return role;
            }
        }
        return Role.SYSTEM;
    }
}
