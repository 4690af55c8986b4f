package cn.civicloop.cases.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The resident's secret for a case: an HMAC of the case number under a server key. Nothing per case is stored,
 * a lost answer can be given again to the same submitter, and a code for one case says nothing about another.
 * The key comes from {@code civicloop.cases.tracking-secret} or, when unset, is generated once and kept in the database.
 * <p>
 * The code handed out is {@value #LENGTH} characters from an alphabet of {@value #ALPHABET_SIZE} without look-alikes
 * (no 0/O, 1/I/L), shown in groups of three ({@code K7M-2QX-9HD}): 44.6 bits, read out on the phone, typed in any
 * case, with or without hyphens and spaces (ADR 0017). The 20-character codes of the first version (120 bits,
 * case-sensitive) are derived from the same key and keep opening their case.
 */
@Component
class TrackingTokens {

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    static final int ALPHABET_SIZE = 31;
    static final int LENGTH = 9;
    static final int GROUP = 3;

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

    /** The code a resident is given for the case, grouped for reading: {@code XXX-XXX-XXX}. */
    String tokenFor(String caseNumber) {
        // 64 bits of the HMAC, written in base 31: the bias of the modulo is below one in a million per digit
        long value = ByteBuffer.wrap(hmac("code:" + caseNumber)).getLong();
        StringBuilder code = new StringBuilder(LENGTH + 2);
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % GROUP == 0) {
                code.append('-');
            }
            code.append(ALPHABET.charAt((int) Long.remainderUnsigned(value, ALPHABET_SIZE)));
            value = Long.divideUnsigned(value, ALPHABET_SIZE);
        }
        return code.toString();
    }

    /** The first version's code: 15 bytes of the HMAC of the number, 20 URL-safe Base64 characters. */
    String legacyTokenFor(String caseNumber) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hmac(caseNumber), 15));
    }

    /**
     * Whether {@code token} is the case's code, as typed: a code in any case and grouping, or a first-version code
     * exactly. Constant-time comparisons, so the time taken does not reveal how much of a guess was right.
     */
    boolean matches(String caseNumber, String token) {
        if (token == null || token.isBlank() || token.length() > 64) {
            return false;
        }
        String typed = token.strip();
        boolean legacy = MessageDigest.isEqual(legacyTokenFor(caseNumber).getBytes(StandardCharsets.US_ASCII),
                typed.getBytes(StandardCharsets.UTF_8));
        boolean code = MessageDigest.isEqual(normalized(tokenFor(caseNumber)).getBytes(StandardCharsets.US_ASCII),
                normalized(typed).getBytes(StandardCharsets.UTF_8));
        return legacy | code;
    }

    /** A typed code without its grouping, full-width letters made plain, in capitals: what is compared. */
    static String normalized(String typed) {
        return Normalizer.normalize(typed, Normalizer.Form.NFKC).replaceAll("[\\s\\-\u2010-\u2015\u2212\uFF0D]", "").toUpperCase(Locale.ROOT);
    }

    private byte[] hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
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
