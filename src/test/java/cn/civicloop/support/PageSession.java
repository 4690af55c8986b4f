package cn.civicloop.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A staff member's page session without a browser: cookies, form login with the CSRF token of the login page, the
 * pages' HTML as served, and form posts carrying the CSRF token of the last page read. The one place of the tests
 * that knows where a page keeps its CSRF token.
 */
public final class PageSession {

    /** A form's hidden field (its attributes in either order) or the pages' meta tag read by htmx. */
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\""
            + "|value=\"([^\"]+)\"\\s+name=\"_csrf\"|<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private String csrf = "";
    private String landing;

    private final int port;

    private PageSession(int port) {
        this.port = port;
        this.base = "http://127.0.0.1:" + port;
    }

    /** A session nobody has logged into. */
    public static PageSession anonymous(int port) {
        return new PageSession(port);
    }

    /** A session of a demo user (password {@link Api#PASSWORD}) logged in through the login form. */
    public static PageSession login(int port, String username) {
        return loginAfter(port, null, username);
    }

    /** Logs in after asking for {@code path} without a login (null: none), as a person following a bookmark. */
    public static PageSession loginAfter(int port, String path, String username) {
        PageSession s = new PageSession(port);
        if (path != null) {
            s.get(path);
        }
        s.get("/login");
        HttpResponse<String> r = s.post("/login", Map.of("username", username, "password", Api.PASSWORD));
        if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("login " + username + " failed: " + r.statusCode());
        }
        s.landing = URI.create(r.headers().firstValue("Location").orElseThrow()).getPath();
        if (s.landing.equals("/login/totp")) {
            // the second step of a demo administrator's login: the code of the demo TOTP secret (Totp)
            s.get("/login/totp");
            r = s.post("/login/totp", Map.of("code", Totp.forLogin(s.port, username)));
            if (r.statusCode() != 302) {
                throw new IllegalStateException("second step of " + username + " failed: " + r.statusCode());
            }
            s.landing = URI.create(r.headers().firstValue("Location").orElseThrow()).getPath();
        }
        return s;
    }

    /** The CSRF token in a page's HTML (a form's hidden field), or the empty string if it has none. */
    public static String csrfOf(String html) {
        Matcher m = CSRF.matcher(html == null ? "" : html);
        if (!m.find()) {
            return "";
        }
        return m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
    }

    /** The CSRF token of the last page read that had one. */
    public String csrf() {
        return csrf;
    }

    /** Reads a page; keeps its CSRF token for the next post. */
    public HttpResponse<String> get(String path) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        String token = csrfOf(r.body());
        if (!token.isEmpty()) {
            csrf = token;
        }
        return r;
    }

    /** The page the login sent this session to. */
    public String landing() {
        return landing;
    }

    /** A browser's request: it accepts HTML and names the page it came from; the form (url-encoded) as given. */
    public HttpResponse<String> page(String method, String path, String form) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                .header("Referer", base + "/workbench");
        b = form == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.header("Content-Type", "application/x-www-form-urlencoded")
                        .method(method, HttpRequest.BodyPublishers.ofString(form));
        return send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public HttpResponse<byte[]> bytes(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Posts a form (url-encoded) with the CSRF token of the last page read. */
    public HttpResponse<String> post(String path, Map<String, String> fields) {
        String body = "_csrf=" + enc(csrf) + fields.entrySet().stream()
                .map(e -> "&" + enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining());
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request, body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
