package cn.civicloop.security.internal;

import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import javax.crypto.spec.SecretKeySpec;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.stereotype.Component;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;

import cn.civicloop.directory.StaffCredentials;

/**
 * TOTP two-factor login (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps, one step of drift either way), computed by
 * java-otp. Required of every administrator ({@code Role.administrator()}) and of anyone who enrolled. The secret is
 * kept by the directory sealed with SM4; the last accepted step of each account is kept here, so a code (or an older
 * one) cannot be used twice. A wrong code counts in the login throttle like a wrong password.
 */
@Component
public class TwoFactor {

    private static final Duration STEP = Duration.ofSeconds(30);
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private final StaffCredentials credentials;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final LoginLockout lockout;
    private final AuditLog audit;
    private final TimeBasedOneTimePasswordGenerator totp = new TimeBasedOneTimePasswordGenerator(STEP);
    private final SecureRandom random = new SecureRandom();

    TwoFactor(StaffCredentials credentials, JdbcClient jdbc, Clock clock, LoginLockout lockout, AuditLog audit) {
        this.credentials = credentials;
        this.jdbc = jdbc;
        this.clock = clock;
        this.lockout = lockout;
        this.audit = audit;
    }

    /** Whether this account must give a code after its password: an administrator, or anyone who enrolled. */
    public boolean required(StaffPrincipal staff) {
        return staff.actor().roles().stream().anyMatch(r -> r.administrator()) || enrolled(staff.actor().staffId());
    }

    public boolean enrolled(long staffId) {
        return credentials.totpSecret(staffId).isPresent();
    }

    /** A fresh random secret (160 bits, Base32) for an enrolment. */
    public String newSecret() {
        byte[] bytes = new byte[20];
        random.nextBytes(bytes);
        return base32(bytes);
    }

    /** The {@code otpauth://} URI an authenticator app reads (from its QR code) for this secret. */
    public String uri(String username, String secret) {
        String label = java.net.URLEncoder.encode("CivicLoop:" + username, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=CivicLoop&algorithm=SHA1&digits=6&period=30";
    }

    /**
     * Checks the code of an account's stored secret; refuses with {@link BadCredentialsException} (a wrong or reused
     * code, or no secret) or {@link LockedException} (the pair is or just got locked). Counts in the throttle.
     */
    void verify(StaffPrincipal staff, String code, String client) {
        String name = staff.actor().username();
        var lock = lockout.lockOf(name, client);
        if (lock.isPresent()) {
            lockout.refusedWhileLocked(name, client);
            throw LoginRefusals.locked(lockout.message(lock.get()));
        }
        Optional<String> secret = credentials.totpSecret(staff.actor().staffId());
        if (secret.isEmpty() || !accept(staff.actor().staffId(), secret.get(), code)) {
            fail(name, client);
        }
        audit.record(name, "LOGIN_TOTP", name, "SUCCESS", null, client);
        lockout.succeeded(name, client);
    }

    /**
     * Enrols an account: the code must match the new secret (and counts in the throttle when wrong); then the secret
     * is stored sealed and the step is consumed.
     */
    void enrol(StaffPrincipal staff, String secret, String code, String client) {
        String name = staff.actor().username();
        var lock = lockout.lockOf(name, client);
        if (lock.isPresent()) {
            lockout.refusedWhileLocked(name, client);
            throw LoginRefusals.locked(lockout.message(lock.get()));
        }
        if (!accept(staff.actor().staffId(), secret, code)) {
            fail(name, client);
        }
        credentials.setTotpSecret(staff.actor().staffId(), secret);
        audit.record(name, "TOTP_ENROL", name, "ENROLLED", "two-factor login enrolled", client);
        lockout.succeeded(name, client);
    }

    private void fail(String name, String client) {
        audit.record(name, "LOGIN_TOTP", name, "FAILURE", null, client);
        var locked = lockout.failed(name, client);
        if (locked.isPresent()) {
            throw LoginRefusals.locked(lockout.message(locked.get()));
        }
        throw LoginRefusals.wrong(LoginRefusals.WRONG_CODE);
    }

    /** True when the code is that of the current step (±1) and that step is later than the last one accepted. */
    private boolean accept(long staffId, String secret, String code) {
        if (code == null || !code.strip().matches("\\d{6}")) {
            return false;
        }
        int given = Integer.parseInt(code.strip());
        SecretKeySpec key = new SecretKeySpec(unbase32(secret), totp.getAlgorithm());
        long now = clock.instant().getEpochSecond() / STEP.getSeconds();
        for (long step = now - 1; step <= now + 1; step++) {
            try {
                if (totp.generateOneTimePassword(key, java.time.Instant.ofEpochSecond(step * STEP.getSeconds())) == given) {
                    return consume(staffId, step);
                }
            } catch (InvalidKeyException e) {
                return false;
            }
        }
        return false;
    }

    private boolean consume(long staffId, long step) {
        int updated = jdbc.sql("update security_totp_step set last_step = ? where staff_id = ? and last_step < ?")
                .params(step, staffId, step).update();
        if (updated == 1) {
            return true;
        }
        boolean known = jdbc.sql("select count(*) from security_totp_step where staff_id = ?").param(staffId)
                .query(Long.class).single() > 0;
        if (known) {
            return false;
        }
        try {
            jdbc.sql("insert into security_totp_step (staff_id, last_step) values (?, ?)").params(staffId, step).update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    static String base32(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }

    static byte[] unbase32(String text) {
        String s = text.replace("=", "").replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : s.toCharArray()) {
            int v = ALPHABET.indexOf(c);
            if (v < 0) {
                throw new IllegalArgumentException("not Base32");
            }
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }
}
