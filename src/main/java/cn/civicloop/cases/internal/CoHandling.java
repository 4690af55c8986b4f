package cn.civicloop.cases.internal;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * 主办/协办: the tasks of co-handling departments on a case. A task is ASSIGNED, then IN_PROGRESS once signed,
 * then REPLIED; a co-handler may return it (RETURNED) and a dispatcher may release it (RELEASED). The lead's reply
 * waits until every task is REPLIED or RELEASED.
 */
@Repository
class CoHandling {

    enum TaskStatus { ASSIGNED, IN_PROGRESS, REPLIED, RETURNED, RELEASED }

    /** A co-handling task. */
    record CoTask(long id, long departmentId, TaskStatus status, Instant dueAt, Instant repliedAt, String replyText,
            String closedNote) {
        boolean done() {
            return status == TaskStatus.REPLIED || status == TaskStatus.RELEASED;
        }
    }

    private final JdbcClient jdbc;

    CoHandling(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<CoTask> of(long caseId) {
        return jdbc.sql("""
                select id, department_id, status, due_at, replied_at, reply_text, closed_note
                from cases_co_task where case_id = ? order by id""").param(caseId)
                .query((rs, n) -> new CoTask(rs.getLong("id"), rs.getLong("department_id"),
                        TaskStatus.valueOf(rs.getString("status")), Cases.instant(rs, "due_at"),
                        Cases.instant(rs, "replied_at"), rs.getString("reply_text"), rs.getString("closed_note")))
                .list();
    }

    Optional<CoTask> task(long caseId, long departmentId) {
        return of(caseId).stream().filter(t -> t.departmentId() == departmentId).findFirst();
    }

    /** Departments whose task is still open: they may read the case and act on their task. */
    Set<Long> activeDepartments(long caseId) {
        Set<Long> active = new HashSet<>();
        of(caseId).stream().filter(t -> t.status() != TaskStatus.RELEASED).forEach(t -> active.add(t.departmentId()));
        return active;
    }

    void add(long caseId, long departmentId, Instant dueAt, Instant now) {
        jdbc.sql("insert into cases_co_task (case_id, department_id, status, due_at, assigned_at) values (?, ?, ?, ?, ?)")
                .params(caseId, departmentId, TaskStatus.ASSIGNED.name(), Cases.ts(dueAt), Cases.ts(now)).update();
    }

    void reopen(long taskId, Instant dueAt) {
        jdbc.sql("update cases_co_task set status = ?, due_at = ?, replied_at = null, closed_note = null where id = ?")
                .params(TaskStatus.ASSIGNED.name(), Cases.ts(dueAt), taskId).update();
    }

    void sign(long taskId, Instant now) {
        jdbc.sql("update cases_co_task set status = ?, signed_at = ? where id = ?")
                .params(TaskStatus.IN_PROGRESS.name(), Cases.ts(now), taskId).update();
    }

    void reply(long taskId, String text, Instant now) {
        jdbc.sql("update cases_co_task set status = ?, reply_text = ?, replied_at = ? where id = ?")
                .params(TaskStatus.REPLIED.name(), text, Cases.ts(now), taskId).update();
    }

    void close(long taskId, TaskStatus status, String note) {
        jdbc.sql("update cases_co_task set status = ?, closed_note = ? where id = ?")
                .params(status.name(), note, taskId).update();
    }
}
