package cn.civicloop.cases.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The resident's secret for a case: an HMAC of the case number under a server key. Nothing per case is stored,
 * a lost answer can be given again to the same submitter, and a token for one case says nothing about another.
 * The key comes from {@code civicloop.cases.tracking-secret} or, when unset, is generated once and kept in the database.
 */
@Component
class TrackingTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final String configuredSecret;
    private volatile byte[] key;

    /** A configured key shorter than this is refused at start: a short key could be found from a few tokens. */
    static final int MIN_SECRET_LENGTH = 32;

    TrackingTokens(JdbcClient jdbc, CasesProperties properties) {
        this.jdbc = jdbc;
        this.configuredSecret = properties.trackingSecret() == null ? "" : properties.trackingSecret();
        if (!configuredSecret.isBlank() && configuredSecret.strip().length() < MIN_SECRET_LENGTH) {
            throw new IllegalStateException("civicloop.cases.tracking-secret must be at least " + MIN_SECRET_LENGTH
                    + " characters (e.g. openssl rand -base64 32); it has " + configuredSecret.strip().length());
        }
        if (configuredSecret.isBlank()) {
            LoggerFactory.getLogger(TrackingTokens.class).info("Tracking key generated and kept in cases_secret: "
                    + "set civicloop.cases.tracking-secret (CIVICLOOP_TRACKING_SECRET) to keep it out of the database");
        }
    }

    String tokenFor(String caseNumber) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            byte[] digest = mac.doFinal(caseNumber.getBytes(StandardCharsets.UTF_8));
            // 15 bytes = 120 bits, 20 URL-safe characters: short enough to read out on the phone, far too long to guess.
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 15));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }

    /** Constant-time comparison, so the time taken does not reveal how much of a guess was right. */
    boolean matches(String caseNumber, String token) {
        if (token == null || token.isBlank()) {
            return false;
        }
        return MessageDigest.isEqual(tokenFor(caseNumber).getBytes(StandardCharsets.UTF_8),
                token.strip().getBytes(StandardCharsets.UTF_8));
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            k = configuredSecret.isBlank() ? storedKey() : configuredSecret.getBytes(StandardCharsets.UTF_8);
            key = k;
        }
        return k;
    }

    private byte[] storedKey() {
        String existing = read();
        if (existing == null) {
            byte[] fresh = new byte[32];
            RANDOM.nextBytes(fresh);
            try {
                jdbc.sql("insert into cases_secret (name, secret_value) values ('tracking', ?)")
                        .param(HexFormat.of().formatHex(fresh)).update();
            } catch (DuplicateKeyException raced) {
                // another instance created it first; use theirs
            }
            existing = read();
        }
        return HexFormat.of().parseHex(existing);
    }

    private String read() {
        return jdbc.sql("select secret_value from cases_secret where name = 'tracking'").query(String.class).optional()
                .orElse(null);
    }
}
