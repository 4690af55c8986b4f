package cn.civicloop.partner.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.civicloop.shared.Phrase;
import cn.civicloop.shared.UnauthenticatedException;

/**
 * The client-credentials exchange: a client id and a valid key's secret give a bearer token of
 * {@code token-lifetime} (never beyond the key's expiry); the token is valid while its key is neither revoked nor
 * expired and its client is active. Only the token's SHA-256 is stored.
 */
@Service
public class TokenIssuer {

    private final JdbcClient jdbc;
    private final PartnerProperties settings;
    private final Clock clock;

    TokenIssuer(JdbcClient jdbc, PartnerProperties settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    /** A token as issued. */
    public record Token(String accessToken, long expiresInSeconds) {
    }

    @Transactional
    public Token exchange(String clientId, String secret) {
        if (clientId == null || secret == null || clientId.length() > 40 || secret.length() > 200) {
            throw refused();
        }
        Instant now = clock.instant();
        record Valid(long keyId, Instant expiresAt) {
        }
        Valid key = jdbc.sql("""
                select k.id, k.expires_at from partner_key k join partner_client c on c.id = k.client_ref
                where k.secret_hash = ? and c.client_id = ? and c.active = true and k.revoked_at is null
                  and k.expires_at > ?""")
                .params(Secrets.sha256(secret.strip()), clientId.strip(), Timestamp.from(now))
                .query((rs, n) -> new Valid(rs.getLong("id"), rs.getTimestamp("expires_at").toInstant()))
                .optional().orElseThrow(TokenIssuer::refused);
        Instant expires = now.plus(settings.tokenLifetime());
        if (expires.isAfter(key.expiresAt())) {
            expires = key.expiresAt();
        }
        String token = Secrets.random(32);
        jdbc.sql("insert into partner_token (token_hash, key_id, expires_at) values (?, ?, ?)")
                .params(Secrets.sha256(token), key.keyId(), Timestamp.from(expires)).update();
        // the expired tokens of this key go with each exchange: the table holds the live tokens only
        jdbc.sql("delete from partner_token where key_id = ? and expires_at <= ?").params(key.keyId(), Timestamp.from(now))
                .update();
        return new Token(token, java.time.Duration.between(now, expires).toSeconds());
    }

    @Transactional(readOnly = true)
    public Optional<PartnerPrincipal> resolve(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("""
                select c.id, c.client_id, c.name, c.department_id from partner_token t
                join partner_key k on k.id = t.key_id join partner_client c on c.id = k.client_ref
                where t.token_hash = ? and t.expires_at > ? and k.revoked_at is null and k.expires_at > ?
                  and c.active = true""")
                .params(Secrets.sha256(token.strip()), now, now)
                .query((rs, n) -> new PartnerPrincipal(rs.getLong("id"), rs.getString("client_id"),
                        rs.getString("name"), rs.getLong("department_id")))
                .optional();
    }

    private static UnauthenticatedException refused() {
        return new UnauthenticatedException(Phrase.of("problem.partner.credentials",
                "接入凭据无效、已过期或已吊销"));
    }
}
