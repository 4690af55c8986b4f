package cn.civicloop.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Whether another session's statement waits for a row lock: the signal that stages a race in a test (commit the
 * held row once the other statement is seen waiting), instead of a pause.
 */
public final class LockWaits {

    private LockWaits() {
    }

    /**
     * Other sessions whose statement matching {@code like} (SQL LIKE on the statement in lower case) is under way: on
     * PostgreSQL waiting for a lock; on H2 executing it (H2 reports no waiter for a row lock), which with the held row
     * uncommitted means waiting, for at most H2's lock timeout of 1 s: the test commits at once.
     */
    public static long statementsWaiting(JdbcClient jdbc, String like) {
        String sql = Node.onPostgres()
                ? "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()"
                        + " and lower(query) like ?"
                : "select count(*) from information_schema.sessions where session_id <> session_id()"
                        + " and lower(executing_statement) like ?";
        return jdbc.sql(sql).param(like).query(Long.class).single();
    }
}
