package cn.civicloop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import cn.civicloop.support.PageSession;

/** The pages' door: form login with a session, CSRF on every form, a new session id after login. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StaffLoginPageTests {


    @LocalServerPort
    int port;

    private CookieManager cookies;
    private HttpClient browser;

    @BeforeEach
    void newBrowser() {
        cookies = new CookieManager();
        browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Test
    void aStaffMemberLogsInThroughTheFormAndSeesTheWorkbench() throws Exception {
        assertThat(get("/workbench").headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        String csrf = csrfFrom(get("/login").body());
        String before = sessionId();

        HttpResponse<String> login = postForm("/login", "username=operator&password=civic-demo&_csrf=" + enc(csrf));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/workbench"));
        assertThat(sessionId()).as("session fixation: a new id after login (Spring Session cookie)").isNotNull().isNotEqualTo(before);

        HttpResponse<String> workbench = get("/workbench");
        assertThat(workbench.statusCode()).isEqualTo(200);
        assertThat(workbench.body()).contains("王芳").contains("受理员");
    }

    @Test
    void aFormWithoutCsrfTokenIsRefused() throws Exception {
        get("/login");
        HttpResponse<String> login = postForm("/login", "username=operator&password=civic-demo");
        assertThat(login.statusCode()).isEqualTo(403);
        assertThat(get("/workbench").statusCode()).isEqualTo(302);
    }

    @Test
    void aWrongPasswordShowsAReadableMessage() throws Exception {
        String csrf = csrfFrom(get("/login").body());
        HttpResponse<String> login = postForm("/login", "username=operator&password=wrong&_csrf=" + enc(csrf));
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/login?error"));
        assertThat(get("/login?error").body()).contains("用户名或密码错误");
    }

    @Test
    void theApiIgnoresThePageSession() throws Exception {
        String csrf = csrfFrom(get("/login").body());
        postForm("/login", "username=leader&password=civic-demo&_csrf=" + enc(csrf));
        assertThat(get("/workbench").statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/cases").statusCode()).as("a cookie never authenticates the API").isEqualTo(401);
    }

    /**
     * One client using both doors (the load benchmark did): a bearer request carrying the page cookie used to rotate
     * the page session's id (session fixation protection on the API chain), so the client's next page request was
     * sent to /login. The API must leave the page session alone.
     */
    @Test
    void aBearerRequestCarryingThePageCookieLeavesThePageSessionAlone() throws Exception {
        String csrf = csrfFrom(get("/login").body());
        postForm("/login", "username=leader&password=civic-demo&_csrf=" + enc(csrf));
        String session = sessionId();
        String token = new cn.civicloop.support.Api(port).login("leader");
        HttpResponse<String> api = browser.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/cases?size=5"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.headers().firstValue("Set-Cookie")).as("no session cookie from the API").isEmpty();
        assertThat(sessionId()).isEqualTo(session);
        assertThat(get("/dashboard/data").statusCode()).as("the page session still works").isEqualTo(200);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(base() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> postForm(String path, String form) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private String sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("SESSION"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    private static String csrfFrom(String html) {
        String csrf = PageSession.csrfOf(html);
        assertThat(csrf).as("login form carries a CSRF token").isNotEmpty();
        return csrf;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
