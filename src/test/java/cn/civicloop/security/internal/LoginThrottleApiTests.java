package cn.civicloop.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.civicloop.support.Api;
import cn.civicloop.support.ApiTest;
import cn.civicloop.support.PageSession;

/**
 * The login throttle per pair of client address and username: a stranger's wrong passwords lock only the stranger,
 * known and unknown names are answered alike, and the lock holds inside the password check, so no spelling of the
 * login path gets around it. 127.0.0.1 is a trusted proxy in the tests (application-test.yml), so X-Forwarded-For
 * tells the clients apart.
 */
class LoginThrottleApiTests extends ApiTest {

    @Autowired
    LoginLockout lockout;

    private static String newAddress() {
        UUID u = UUID.randomUUID();
        return "10." + (u.getMostSignificantBits() & 0xff) + "." + (u.getLeastSignificantBits() & 0xff) + "."
                + ((u.getLeastSignificantBits() >> 8) & 0xff);
    }

    private Api.Answer token(String username, String password, String address) {
        return api.post("/api/v1/auth/token", null, Map.of("username", username, "password", password),
                Map.of("X-Forwarded-For", address));
    }

    @Test
    void aStrangerCannotLockTheDeskOut() {
        String stranger = newAddress();
        String desk = newAddress();
        for (int i = 0; i < 4; i++) {
            assertThat(token("police-desk", "guess-" + i, stranger).status()).isEqualTo(401);
        }
        assertThat(token("police-desk", "guess-5", stranger).status()).isEqualTo(423);
        assertThat(token("police-desk", Api.PASSWORD, stranger).status())
                .as("the locked client does not get in, even with the right password").isEqualTo(423);

        Api.Answer fromTheDesk = token("police-desk", Api.PASSWORD, desk);
        assertThat(fromTheDesk.status()).as("the desk's own client still logs in: " + fromTheDesk.body())
                .isEqualTo(200);
        assertThat(lockout.locks()).anySatisfy(l -> {
            assertThat(l.username()).isEqualTo("police-desk");
            assertThat(l.clientAddress()).isEqualTo(stranger);
        }).noneSatisfy(l -> assertThat(l.clientAddress()).isEqualTo(desk));
    }

    @Test
    void knownAndUnknownUsernamesAreAnsweredAlike() {
        String unknown = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        String a = newAddress();
        String b = newAddress();
        for (int i = 0; i < 6; i++) {
            Api.Answer known = token("operator", "guess-" + i, a);
            Api.Answer stranger = token(unknown, "guess-" + i, b);
            assertThat(stranger.status()).as("attempt " + (i + 1)).isEqualTo(known.status());
            assertThat(stranger.text("detail")).as("attempt " + (i + 1)).isEqualTo(known.text("detail"));
            assertThat(stranger.text("title")).isEqualTo(known.text("title"));
        }
        assertThat(token(unknown, "guess", b).status()).as("an unknown name gets the lock too").isEqualTo(423);
    }

    @Test
    void theLockHoldsOnEverySpellingOfTheLoginPath() throws Exception {
        String user = "leader";
        String attacker = newAddress();
        for (int i = 0; i < 5; i++) {
            formLogin(attacker, i % 2 == 0 ? "/%6Cogin" : "/login", user, "guess-" + i);
        }
        String locked = formLogin(attacker, "/%6Cogin", user, Api.PASSWORD);
        assertThat(locked).as("POST /%6Cogin with the right password from the locked client").endsWith("/login?locked");
        assertThat(token(user, Api.PASSWORD, attacker).status()).as("one lock for both doors").isEqualTo(423);

        String other = formLogin(newAddress(), "/%6Cogin", user, Api.PASSWORD);
        assertThat(other).as("the encoded path is the login form: another client logs in by it (the leader lands on his overview)")
                .endsWith("/dashboard");
    }

    @Test
    void eachFurtherLockOfAPairLastsTwiceAsLongUpToTheMaximum() {
        assertThat(lockout.lockDuration(1)).isEqualTo(Duration.ofMinutes(15));
        assertThat(lockout.lockDuration(2)).isEqualTo(Duration.ofMinutes(30));
        assertThat(lockout.lockDuration(3)).isEqualTo(Duration.ofMinutes(60));
        assertThat(lockout.lockDuration(20)).isEqualTo(Duration.ofHours(24));
    }

    /** A form login from {@code address} by {@code path}; returns where it redirects. */
    private String formLogin(String address, String path, String user, String password) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String page = browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + "/login"))
                .header("X-Forwarded-For", address).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
        String csrf = PageSession.csrfOf(page);
        assertThat(csrf).isNotEmpty();
        String form = "username=" + user + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
        HttpResponse<String> r = browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + " answered " + r.statusCode()).isEqualTo(302);
        return r.headers().firstValue("Location").orElse("");
    }
}
