package cn.civicloop.support;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.spec.SecretKeySpec;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;

/**
 * The second factor of the demo administrators (admin, secadmin, auditor), as their authenticator app would give it:
 * the TOTP code of the published demo secret (docs/demo-data.md) at the server's clock. A server accepts each step
 * once (no replay), and tests log the same administrator in many times within 30 seconds; so before computing a code
 * for a login the helper forgets the step that account last used on that server — the replay guard itself is proved by
 * TwoFactorTests, which never calls {@link #forLogin}. Servers register themselves when ready (spring.factories).
 */
public final class Totp {

    /** The published demo TOTP secret of the three demo administrators (directory/demo-directory.yml). */
    public static final String DEMO_SECRET = "CIVICLOOPDEMOTOTPSECRET2FA7ADMIN";
    public static final Set<String> DEMO_ADMINISTRATORS = Set.of("admin", "secadmin", "auditor");

    private static final Map<Integer, ApplicationContext> SERVERS = new ConcurrentHashMap<>();

    private Totp() {
    }

    /** Whether a demo user must answer the second step. */
    public static boolean asked(String username) {
        return DEMO_ADMINISTRATORS.contains(username);
    }

    /** The code of the demo secret for a login of {@code username} on the server at {@code port} (step freed first). */
    public static String forLogin(int port, String username) {
        ApplicationContext context = SERVERS.get(port);
        if (context == null) {
            throw new IllegalStateException("no server registered on port " + port);
        }
        context.getBean(JdbcClient.class).sql("""
                delete from security_totp_step where staff_id in (select id from directory_staff where username = ?)""")
                .param(username).update();
        return code(DEMO_SECRET, context.getBean(Clock.class).instant());
    }

    /** The server's clock (for a test that computes codes itself). */
    public static Instant now(int port) {
        return SERVERS.get(port).getBean(Clock.class).instant();
    }

    /** The RFC 6238 code (SHA-1, 6 digits, 30 s) of a Base32 secret at an instant. */
    public static String code(String base32Secret, Instant at) {
        try {
            var totp = new TimeBasedOneTimePasswordGenerator();
            return totp.generateOneTimePasswordString(new SecretKeySpec(unbase32(base32Secret), totp.getAlgorithm()), at);
        } catch (java.security.InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] unbase32(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var out = new java.io.ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : text.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }

    /** Registers each started server by its port. */
    public static final class Servers implements ApplicationListener<ApplicationReadyEvent> {
        @Override
        public void onApplicationEvent(ApplicationReadyEvent event) {
            String port = event.getApplicationContext().getEnvironment().getProperty("local.server.port");
            if (port != null) {
                SERVERS.put(Integer.parseInt(port), event.getApplicationContext());
            }
        }
    }
}
