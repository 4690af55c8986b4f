package cn.civicloop.opinion.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.civicloop.shared.ConflictException;
import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.shared.Phrase;
import cn.civicloop.shared.UnauthenticatedException;

/**
 * Where posts come from (信源): monitoring vendors that push signed batches, feeds, imports. A push source gets a
 * secret once, when it is registered; each request is signed with HMAC-SHA256 over {@code timestamp + "." + body}.
 */
@Service
public class Sources {

    public enum Kind { PUSH, FEED, IMPORT }

    /** A source as listed to the officer, with its health. */
    public record Source(long id, String code, String name, Kind kind, String feedUrl, int failures,
            Instant lastSuccessAt, Instant lastFailureAt, String lastError, boolean healthy) {
    }

    /** A registered source and, for a push source, its secret: shown once, in this answer only. */
    public record Registered(Source source, String secret) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private final JdbcClient jdbc;
    private final Clock clock;
    private final OpinionProperties settings;
    private final cn.civicloop.shared.PersonalDataCipher cipher;

    Sources(JdbcClient jdbc, Clock clock, OpinionProperties settings, cn.civicloop.shared.PersonalDataCipher cipher) {
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
    }

    @Transactional
    public Registered register(String code, String name, Kind kind, String feedUrl, Integer pollMinutes) {
        if (code == null || !code.matches("[a-z0-9][a-z0-9-]{1,62}")) {
            throw new InvalidInputException("code", Phrase.of("problem.opinion.source-code",
                    "代码为 2 至 63 个小写字母、数字或连字符"));
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new InvalidInputException("name", Phrase.of("problem.opinion.source-name", "请填写名称，最长 200 字"));
        }
        if (kind == Kind.FEED && (feedUrl == null || !feedUrl.matches("https?://.+"))) {
            throw new InvalidInputException("feedUrl", Phrase.of("problem.opinion.feed-url",
                    "订阅源须填写以 http:// 或 https:// 开头的地址"));
        }
        if (pollMinutes != null && (pollMinutes < 1 || pollMinutes > 1440)) {
            throw new InvalidInputException("pollMinutes", Phrase.of("problem.opinion.poll-minutes", "轮询间隔为 1 至 1440 分钟"));
        }
        if (find(code).isPresent()) {
            throw new ConflictException(Phrase.of("problem.opinion.source-exists", "已有代码为 {0} 的来源", code));
        }
        String secret = kind == Kind.PUSH ? HexFormat.of().formatHex(randomBytes()) : null;
        jdbc.sql("""
                insert into opinion_source (code, name, kind, feed_url, push_secret, poll_minutes, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                // the secret is sealed at rest like personal data: a copy of the database must not let anyone push
                .params(code, name.strip(), kind.name(), kind == Kind.FEED ? feedUrl : null, cipher.seal(secret),
                        kind == Kind.FEED ? (pollMinutes == null ? 15 : pollMinutes) : null,
                        java.sql.Timestamp.from(clock.instant()))
                .update();
        return new Registered(find(code).orElseThrow(), secret);
    }

    public List<Source> all() {
        return jdbc.sql("select * from opinion_source order by code").query((rs, n) -> source(rs)).list();
    }

    public Optional<Source> find(String code) {
        return jdbc.sql("select * from opinion_source where code = ?").param(code).query((rs, n) -> source(rs))
                .optional();
    }

    /**
     * Checks a push: the source exists and pushes, the timestamp is within the replay window, and the signature is
     * HMAC-SHA256(secret, timestamp + "." + body) in hex. Every failure is the same 401, so a caller learns nothing
     * about which part was wrong.
     */
    public Source verifyPush(String code, String timestamp, String signature, byte[] body) {
        UnauthenticatedException refused = new UnauthenticatedException(
                Phrase.of("problem.opinion.push-unsigned", "推送未经已登记来源的签名"));
        String secret = jdbc.sql("select push_secret from opinion_source where code = ? and kind = 'PUSH'")
                .param(code).query(String.class).optional().map(cipher::open).orElseThrow(() -> refused);
        long seconds;
        try {
            seconds = Long.parseLong(timestamp == null ? "" : timestamp.strip());
        } catch (NumberFormatException e) {
            throw refused;
        }
        if (Duration.between(Instant.ofEpochSecond(seconds), clock.instant()).abs()
                .compareTo(settings.replayWindow()) > 0) {
            throw refused;
        }
        byte[] expected = sign(secret, timestamp.strip(), body);
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signature == null ? "" : signature.strip().toLowerCase());
        } catch (IllegalArgumentException e) {
            throw refused;
        }
        if (!MessageDigest.isEqual(expected, given)) {
            throw refused;
        }
        return find(code).orElseThrow(() -> refused);
    }

    /** The signature a vendor computes; public so that tests and vendor documentation use the same definition. */
    public static byte[] sign(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    public void recordSuccess(long id) {
        jdbc.sql("update opinion_source set failures = 0, last_success_at = ? where id = ?")
                .params(java.sql.Timestamp.from(clock.instant()), id).update();
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return b;
    }

    private static Source source(java.sql.ResultSet rs) throws java.sql.SQLException {
        java.sql.Timestamp ok = rs.getTimestamp("last_success_at");
        java.sql.Timestamp bad = rs.getTimestamp("last_failure_at");
        return new Source(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                Kind.valueOf(rs.getString("kind")), rs.getString("feed_url"), rs.getInt("failures"),
                ok == null ? null : ok.toInstant(), bad == null ? null : bad.toInstant(), rs.getString("last_error"),
                // healthy until it fails: a source that never delivered yet is not unhealthy
                rs.getInt("failures") == 0);
    }
}
