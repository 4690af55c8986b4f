package cn.civicloop.cluster.internal;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import cn.civicloop.support.Api;

/**
 * A browser without sticky sessions: one cookie jar, and every request says which instance (port) it goes to.
 * Cookies do not depend on the port, so the session cookie one instance set is sent to the other, as behind a
 * load balancer.
 */
final class PageSession {

    final CookieManager cookies = new CookieManager();
    final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    static String csrfOf(String html) {
        String token = cn.civicloop.support.PageSession.csrfOf(html);
        if (token.isEmpty()) {
            throw new AssertionError("no CSRF token in the page");
        }
        return token;
    }

    String sessionCookie() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("SESSION"))
                .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    HttpResponse<String> get(int port, String path) {
        return send(HttpRequest.newBuilder(uri(port, path)).GET());
    }

    HttpResponse<String> post(int port, String path, String csrf, String form) {
        String body = (csrf == null ? "" : "_csrf=" + enc(csrf) + (form.isEmpty() ? "" : "&")) + form;
        return send(HttpRequest.newBuilder(uri(port, path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Logs in with the login page of {@code port}; answers the redirect after the login. */
    HttpResponse<String> login(int port, String username) {
        String csrf = csrfOf(get(port, "/login").body());
        return post(port, "/login", csrf, "username=" + enc(username) + "&password=" + enc(Api.PASSWORD));
    }

    /** Opens a Server-Sent Events stream on {@code port}; its lines arrive in the answer's queue. */
    BlockingQueue<String> stream(int port, String path) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        http.sendAsync(HttpRequest.newBuilder(uri(port, path)).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofLines()).thenAccept(r -> {
                    lines.add("status:" + r.statusCode());
                    r.body().forEach(lines::add);
                });
        return lines;
    }

    private HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            return http.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
