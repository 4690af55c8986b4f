package cn.civicloop.opinion.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.civicloop.opinion.Party;

/** The rows of linked responses and their tasks. */
@Repository
public class Responses {

    /** A response as stored. */
    public record Row(long id, String topicId, String caseNumber, long leadDepartment, boolean conduct,
            String openedBy, Instant openedAt, String answerText, String answerStatus, String answerUrl, int version) {
    }

    /** A party's task as stored. */
    public record Task(long departmentId, Party party, String task, Instant dueAt) {
    }

    private static final String COLUMNS = """
            select id, topic_id, case_number, lead_department, conduct, opened_by, opened_at, answer_text,
                answer_status, answer_url, version from opinion_response\s""";

    private final JdbcClient jdbc;

    Responses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Row> ofTopic(String topicId) {
        return jdbc.sql(COLUMNS + "where topic_id = ?").param(topicId).query(Responses::row).optional();
    }

    Optional<Row> ofCase(String caseNumber) {
        return jdbc.sql(COLUMNS + "where case_number = ?").param(caseNumber).query(Responses::row).optional();
    }

    long insert(String topicId, String caseNumber, long lead, boolean conduct, String openedBy, Instant at) {
        jdbc.sql("""
                insert into opinion_response (topic_id, case_number, lead_department, conduct, opened_by, opened_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(topicId, caseNumber, lead, conduct, openedBy, Timestamp.from(at)).update();
        return ofTopic(topicId).orElseThrow().id();
    }

    void addTask(long responseId, Task task) {
        jdbc.sql("""
                insert into opinion_response_task (response_id, department_id, party, task, due_at)
                values (?, ?, ?, ?, ?)""")
                .params(responseId, task.departmentId(), task.party().name(), task.task(), Timestamp.from(task.dueAt()))
                .update();
    }

    /** Adds the task unless the department has one in the response already; whether it was added. */
    boolean addTaskIfMissing(long responseId, Task task) {
        return jdbc.sql("""
                insert into opinion_response_task (response_id, department_id, party, task, due_at)
                select ?, ?, ?, ?, ? where not exists
                    (select 1 from opinion_response_task where response_id = ? and department_id = ?)""")
                .params(responseId, task.departmentId(), task.party().name(), task.task(),
                        Timestamp.from(task.dueAt()), responseId, task.departmentId())
                .update() == 1;
    }

    List<Task> tasks(long responseId) {
        return jdbc.sql("select department_id, party, task, due_at from opinion_response_task where response_id = ? order by id")
                .param(responseId)
                .query((rs, n) -> new Task(rs.getLong(1), Party.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    /** The answer's new state, if the row still has the version read (else another change came first). */
    boolean updateAnswer(long id, int version, String text, String status, String url) {
        return jdbc.sql("""
                update opinion_response set answer_text = ?, answer_status = ?, answer_url = ?, version = version + 1
                where id = ? and version = ?""")
                .params(text, status, url, id, version).update() == 1;
    }

    /** Topic ids among {@code topicIds} whose response is about officials' conduct. */
    List<String> restricted(List<String> topicIds) {
        if (topicIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select topic_id from opinion_response where conduct = true and topic_id in (:ids)")
                .param("ids", topicIds).query(String.class).list();
    }

    /** Topics whose response gives a task to {@code departmentId}, newest response first, at most {@code limit}. */
    List<String> topicsOfDepartment(long departmentId, int limit) {
        return jdbc.sql("""
                select r.topic_id from opinion_response_task t join opinion_response r on r.id = t.response_id
                where t.department_id = ? order by r.opened_at desc fetch first ? rows only""")
                .params(departmentId, limit).query(String.class).list();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("topic_id"), rs.getString("case_number"),
                rs.getLong("lead_department"), rs.getBoolean("conduct"), rs.getString("opened_by"),
                rs.getTimestamp("opened_at").toInstant(), rs.getString("answer_text"), rs.getString("answer_status"),
                rs.getString("answer_url"), rs.getInt("version"));
    }
}
