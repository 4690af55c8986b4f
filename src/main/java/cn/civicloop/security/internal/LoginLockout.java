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

/**
 * Locks a username after repeated wrong passwords, whatever address they come from (the rate limit handles
 * addresses). Counted in the database, so every instance sees the same lock. Both doors use it: the API token
 * endpoint and the login form.
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
    }

    public record Lock(String username, Instant lockedAt, Instant lockedUntil) {
    }

    /** The lock on this name, if one is in force now. */
    Optional<Lock> lockOf(String username) {
        return jdbc.sql("select username, locked_at, locked_until from security_login_lock where username = ? and locked_until > ?")
                .params(key(username), Timestamp.from(clock.instant()))
                .query((rs, n) -> new Lock(rs.getString(1), rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3).toInstant())).optional();
    }

    public List<Lock> locks() {
        return jdbc.sql("select username, locked_at, locked_until from security_login_lock where locked_until > ? order by locked_at")
                .param(Timestamp.from(clock.instant()))
                .query((rs, n) -> new Lock(rs.getString(1), rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3).toInstant())).list();
    }

    /** Counts a wrong password; returns the lock when this failure was the one too many. */
    Optional<Lock> failed(String username, String clientAddress) {
        String name = key(username);
        Instant now = clock.instant();
        Optional<Lock> lock = tx.execute(s -> {
            jdbc.sql("insert into security_login_failure (username, failed_at) values (?, ?)")
                    .params(name, Timestamp.from(now)).update();
            int recent = jdbc.sql("select count(*) from security_login_failure where username = ? and failed_at > ?")
                    .params(name, Timestamp.from(now.minus(window))).query(Integer.class).single();
            if (recent < maxFailures) {
                return Optional.<Lock>empty();
            }
            Instant until = now.plus(lockFor);
            jdbc.sql("delete from security_login_lock where username = ?").param(name).update();
            jdbc.sql("insert into security_login_lock (username, locked_at, locked_until) values (?, ?, ?)")
                    .params(name, Timestamp.from(now), Timestamp.from(until)).update();
            jdbc.sql("delete from security_login_failure where username = ?").param(name).update();
            return Optional.of(new Lock(name, now, until));
        });
        audit.record(name, "LOGIN", null, "FAILURE", null, clientAddress);
        lock.ifPresent(l -> audit.record(name, "LOGIN_LOCKOUT", name, "LOCKED",
                maxFailures + " failures within " + window + ", locked until " + l.lockedUntil(), clientAddress));
        return lock;
    }

    void succeeded(String username, String clientAddress) {
        jdbc.sql("delete from security_login_failure where username = ?").param(key(username)).update();
        audit.record(key(username), "LOGIN", null, "SUCCESS", null, clientAddress);
    }

    void refusedWhileLocked(String username, String clientAddress) {
        audit.record(key(username), "LOGIN", null, "REFUSED_LOCKED", null, clientAddress);
    }

    /** An admin lifts the lock (and forgets the failures that led to it). */
    public boolean release(String username, String admin, String clientAddress) {
        String name = key(username);
        Boolean released = tx.execute(s -> {
            int n = jdbc.sql("delete from security_login_lock where username = ?").param(name).update();
            jdbc.sql("delete from security_login_failure where username = ?").param(name).update();
            return n > 0;
        });
        audit.record(admin, "LOGIN_UNLOCK", name, Boolean.TRUE.equals(released) ? "RELEASED" : "NOT_LOCKED", null,
                clientAddress);
        return Boolean.TRUE.equals(released);
    }

    String message(Lock lock) {
        long minutes = Math.max(1, Duration.between(clock.instant(), lock.lockedUntil()).toMinutes() + 1);
        return "登录失败次数过多，账号已暂时锁定，请 " + minutes + " 分钟后再试或联系管理员解锁 "
                + "(too many failed logins: this account is locked for " + minutes
                + " more minutes, or until an administrator unlocks it)";
    }

    private static String key(String username) {
        return AuditLog.cut(username == null ? "" : username.strip(), 60);
    }
}
