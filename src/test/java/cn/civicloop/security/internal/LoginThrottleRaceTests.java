package cn.civicloop.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.civicloop.support.ApiTest;
import cn.civicloop.support.Node;

/**
 * Two first failures of a new pair of username and client address at once (two instances, or two requests): each
 * finds no row and inserts it. The second must wait for the first and then count on its row — before the upsert it
 * failed on the primary key, and that login attempt ended in a server error instead of a counted failure. The race is
 * staged by what the database shows: the other connection's row is committed once this failure is seen waiting.
 */
class LoginThrottleRaceTests extends ApiTest {

    @Autowired
    LoginLockout lockout;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Test
    void twoFirstFailuresOfANewPairAtOnceAreBothCounted() throws Exception {
        String name = "race-" + UUID.randomUUID().toString().substring(0, 8);
        String client = "10.77.0.1";
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement ps = other.prepareStatement("""
                    insert into security_login_throttle (username, client_address, failures, last_failure_at, locks)
                    values (?, ?, 1, ?, 0)""")) {
                ps.setString(1, name);
                ps.setString(2, client);
                ps.setTimestamp(3, Timestamp.from(Instant.now()));
                ps.executeUpdate();
            }
            CompletableFuture<Optional<LoginLockout.Lock>> failure =
                    CompletableFuture.supplyAsync(() -> lockout.failed(name, client));
            Node.await(Duration.ofSeconds(20), "this failure waiting for the other's row",
                    () -> waiting() > 0 || failure.isDone());
            assertThat(failure).as("the failure must wait for the uncommitted row, not answer before").isNotDone();
            other.commit();
            assertThat(failure.get()).as("no lock after two failures").isEmpty();
        }
        assertThat(jdbc.sql("select failures from security_login_throttle where username = ? and client_address = ?")
                .params(name, client).query(Integer.class).single()).as("both failures counted").isEqualTo(2);
    }

    /**
     * Sessions whose statement on the throttle is under way: on PostgreSQL waiting for a lock; on H2 executing it (H2
     * reports no waiter for a row lock), which with the other row uncommitted means waiting, for at most H2's lock
     * timeout of 1 s: the commit follows at once.
     */
    private long waiting() {
        String sql = Node.onPostgres()
                ? "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()"
                        + " and lower(query) like ?"
                : "select count(*) from information_schema.sessions where session_id <> session_id()"
                        + " and lower(executing_statement) like ?";
        return jdbc.sql(sql).param("%security_login_throttle%").query(Long.class).single();
    }
}
