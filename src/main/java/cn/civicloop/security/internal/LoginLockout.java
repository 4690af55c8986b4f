package cn.civicloop.security.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import cn.civicloop.shared.Phrase;

/**
 * Throttles wrong passwords per <b>pair of client address and username</b> (as typed: known and unknown names are
 * counted and answered alike). {@code maxFailures} wrong passwords of one pair within {@code window} lock that pair
 * for {@code duration}; each further lock of the same pair lasts twice as long, up to {@code maxDuration}
 * (progressive delay). Only the offending client is locked: the account's holder, from his own address, still logs
 * in — so a stranger cannot lock the 110 desk out. Counted in the database, so every instance sees the same locks.
 * Both doors use it from inside the password check ({@link Logins}), whatever path the request came by.
 */
@Component
public class LoginLockout {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final int maxFailures;
    private final Duration window;
    private final Duration lockFor;
    private final Duration maxLock;

    LoginLockout(JdbcClient jdbc, Clock clock, AuditLog audit, PlatformTransactionManager transactions,
            SecurityProperties settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.maxFailures = settings.security().lockout().maxFailures();
        this.window = settings.security().lockout().window();
        this.lockFor = settings.security().lockout().duration();
        this.maxLock = settings.security().lockout().maxDuration();
    }

    /** A pair of username (as typed) and client address that may not log in until {@code lockedUntil}. */
    public record Lock(String username, String clientAddress, Instant lockedAt, Instant lockedUntil) {
    }

    /** The lock on this pair, if one is in force now. */
    Optional<Lock> lockOf(String username, String clientAddress) {
        return jdbc.sql("""
                select username, client_address, locked_at, locked_until from security_login_throttle
                where username = ? and client_address = ? and locked_until > ?""")
                .params(key(username), client(clientAddress), Timestamp.from(clock.instant()))
                .query((rs, n) -> new Lock(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4).toInstant())).optional();
    }

    /** The pairs locked now, oldest lock first. */
    public List<Lock> locks() {
        return jdbc.sql("""
                select username, client_address, locked_at, locked_until from security_login_throttle
                where locked_until > ? order by locked_at""")
                .param(Timestamp.from(clock.instant()))
                .query((rs, n) -> new Lock(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4).toInstant())).list();
    }

    /** Counts a wrong password of this pair; returns the lock when this failure was the one too many. */
    Optional<Lock> failed(String username, String clientAddress) {
        String name = key(username);
        String client = client(clientAddress);
        Instant now = clock.instant();
        Optional<Lock> lock = tx.execute(s -> {
            // The pair's row first, as an upsert: two first failures of a new pair at once (two instances, or two
            // requests) both insert it, and the second must wait and then count on it, not fail on the key.
            jdbc.sql("""
                    insert into security_login_throttle (username, client_address, failures, last_failure_at, locks)
                    values (?, ?, 0, ?, 0) on conflict do nothing""")
                    .params(name, client, Timestamp.from(now)).update();
            int[] row = jdbc.sql("""
                    select failures, last_failure_at, locks from security_login_throttle
                    where username = ? and client_address = ? for update""").params(name, client)
                    .query((rs, n) -> new int[] { rs.getInt(1),
                            rs.getTimestamp(2).toInstant().isBefore(now.minus(window)) ? 1 : 0, rs.getInt(3) })
                    .single();
            int failures = (row[1] == 1 ? 0 : row[0]) + 1; // failures older than the window count no more
            int locks = row[2];
            if (failures < maxFailures) {
                jdbc.sql("""
                        update security_login_throttle set failures = ?, last_failure_at = ?
                        where username = ? and client_address = ?""")
                        .params(failures, Timestamp.from(now), name, client).update();
                return Optional.<Lock>empty();
            }
            Instant until = now.plus(lockDuration(locks + 1));
            jdbc.sql("""
                    update security_login_throttle set failures = 0, last_failure_at = ?, locks = ?, locked_at = ?,
                        locked_until = ? where username = ? and client_address = ?""")
                    .params(Timestamp.from(now), locks + 1, Timestamp.from(now), Timestamp.from(until), name, client)
                    .update();
            return Optional.of(new Lock(name, client, now, until));
        });
        audit.record(name, "LOGIN", null, "FAILURE", null, clientAddress);
        lock.ifPresent(l -> audit.record(name, "LOGIN_LOCKOUT", name, "LOCKED", maxFailures + " failures within "
                + window + " from " + client + ", this client locked until " + l.lockedUntil(), clientAddress));
        return lock;
    }

    /** The n-th lock of a pair: {@code duration × 2^(n-1)}, at most {@code maxDuration}. */
    Duration lockDuration(int nth) {
        Duration d = lockFor;
        for (int i = 1; i < nth && d.compareTo(maxLock) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(maxLock) > 0 ? maxLock : d;
    }

    void succeeded(String username, String clientAddress) {
        jdbc.sql("delete from security_login_throttle where username = ? and client_address = ?")
                .params(key(username), client(clientAddress)).update();
        audit.record(key(username), "LOGIN", null, "SUCCESS", null, clientAddress);
    }

    void refusedWhileLocked(String username, String clientAddress) {
        audit.record(key(username), "LOGIN", null, "REFUSED_LOCKED", null, clientAddress);
    }

    /** A security administrator lifts every lock of this username (and forgets the failures that led to them). */
    public boolean release(String username, String admin, String clientAddress) {
        String name = key(username);
        Integer released = tx.execute(s -> {
            int locked = jdbc.sql("select count(*) from security_login_throttle where username = ? and locked_until > ?")
                    .params(name, Timestamp.from(clock.instant())).query(Integer.class).single();
            jdbc.sql("delete from security_login_throttle where username = ?").param(name).update();
            return locked;
        });
        boolean any = released != null && released > 0;
        audit.record(admin, "LOGIN_UNLOCK", name, any ? "RELEASED" : "NOT_LOCKED", null, clientAddress);
        return any;
    }

    /** The same words for every name, known or not: they speak of this address, not of an account. */
    Phrase message(Lock lock) {
        long minutes = Math.max(1, Duration.between(clock.instant(), lock.lockedUntil()).toMinutes() + 1);
        return Phrase.of("problem.security.login-locked",
                "登录失败次数过多，本机暂时不能用该用户名登录，请 {0} 分钟后再试或联系安全管理员解锁", minutes);
    }

    private static String key(String username) {
        return AuditLog.cut(username == null ? "" : username.strip(), 60);
    }

    private static String client(String clientAddress) {
        return AuditLog.cut(clientAddress == null ? "" : clientAddress, 64);
    }
}
