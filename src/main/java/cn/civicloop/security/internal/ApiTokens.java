package cn.civicloop.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.civicloop.directory.StaffCredentialsChanged;

/**
 * Opaque bearer tokens for API clients. Only a SHA-256 of each token is stored, so a database dump does not
 * let anyone act as staff; a token dies with its expiry, after {@code token-idle-timeout} without use, at logout, with
 * a password change or the deactivation of its owner (the directory announces both as
 * {@link StaffCredentialsChanged}, inside its transaction).
 */
@Component
class ApiTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** A token's last use is written at most this often: not one database write per API request. */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration lifetime;
    private final Duration idle;
    private final StaffLogins accounts;

    ApiTokens(JdbcClient jdbc, Clock clock, StaffLogins accounts, SecurityProperties settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.accounts = accounts;
        this.lifetime = settings.api().tokenLifetime();
        this.idle = settings.security().tokenIdleTimeout();
    }

    record Issued(String token, Instant expiresAt) {
    }

    Issued issue(long staffId) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant now = clock.instant();
        Instant expires = now.plus(lifetime);
        jdbc.sql("delete from security_api_token where expires_at < ? or last_used_at < ?")
                .params(Timestamp.from(now), Timestamp.from(now.minus(idle))).update();
        jdbc.sql("""
                insert into security_api_token (token_hash, staff_id, issued_at, expires_at, last_used_at)
                values (?, ?, ?, ?, ?)""")
                .params(hash(token), staffId, Timestamp.from(now), Timestamp.from(expires), Timestamp.from(now))
                .update();
        return new Issued(token, expires);
    }

    /**
     * The staff member of a live token: not expired, used within the idle timeout (then its use is noted, at most
     * once per {@link #TOUCH_EVERY}), its owner active.
     */
    Optional<StaffPrincipal> resolve(String token) {
        Instant now = clock.instant();
        String hash = hash(token);
        Optional<Long> staffId = jdbc.sql("""
                select staff_id from security_api_token
                where token_hash = ? and expires_at > ? and last_used_at > ?""")
                .params(hash, Timestamp.from(now), Timestamp.from(now.minus(idle)))
                .query(Long.class).optional();
        staffId.ifPresent(id -> jdbc.sql("""
                update security_api_token set last_used_at = ? where token_hash = ? and last_used_at < ?""")
                .params(Timestamp.from(now), hash, Timestamp.from(now.minus(TOUCH_EVERY))).update());
        return staffId.flatMap(accounts::principal).filter(StaffPrincipal::isEnabled);
    }

    void revoke(String token) {
        jdbc.sql("delete from security_api_token where token_hash = ?").param(hash(token)).update();
    }

    /** Synchronous, in the directory's transaction: the old tokens die in the same commit as the old password. */
    @EventListener
    void revokeAll(StaffCredentialsChanged changed) {
        jdbc.sql("delete from security_api_token where staff_id = ?").param(changed.staffId()).update();
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
