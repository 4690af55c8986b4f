package cn.civicloop.cases.internal;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.CaseStatus;
import cn.civicloop.directory.Actor;
import cn.civicloop.directory.Role;

/** The append-only history of each case. The application never updates or deletes a timeline row. */
@Repository
class Timeline {

    private final JdbcClient jdbc;

    Timeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
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

    List<Row> of(long caseId) {
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
