package cn.civicloop.cases.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Closed cases written straight into {@code cases_case} of a database migrated only part of the way, as the
 * migration tests of the archive find them: opened, due and closed at one time.
 */
final class ClosedCaseRows {

    private ClosedCaseRows() {
    }

    /** One closed case per number, all at {@code at}; their ids in order. */
    static List<Long> insert(JdbcClient jdbc, Instant at, String... numbers) {
        Timestamp time = Timestamp.from(at);
        for (String number : numbers) {
            jdbc.sql("""
                    insert into cases_case (number, status, channel, kind, urgency, title, content, due_at, created_at,
                        updated_at, closed_at) values (?, 'CLOSED', 'WEBSITE', 'COMPLAINT', 'NORMAL', '路灯不亮',
                        '小区门口路灯不亮', ?, ?, ?, ?)""").params(number, time, time, time, time).update();
        }
        return jdbc.sql("select id from cases_case order by id").query(Long.class).list();
    }
}
