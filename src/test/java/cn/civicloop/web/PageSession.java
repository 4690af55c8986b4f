package cn.civicloop.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A staff member's page session without a browser: form login (with CSRF), then the pages' HTML as served. */
final class PageSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private PageSession(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    static PageSession anonymous(int port) {
        return new PageSession(port);
    }

    static PageSession login(int port, String username) {
        PageSession s = new PageSession(port);
        Matcher m = CSRF.matcher(s.get("/login").body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on /login");
        }
        String form = "username=" + username + "&password=civic-demo&_csrf=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> r = s.send(HttpRequest.newBuilder(URI.create(s.base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("login " + username + " failed: " + r.statusCode());
        }
        return s;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a form with the CSRF token of the form on {@code formPage}, as a browser submitting it would. */
    HttpResponse<String> post(String path, String form, String formPage) {
        Matcher m = CSRF.matcher(get(formPage).body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on " + formPage);
        }
        String body = "_csrf=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8) + (form.isEmpty() ? "" : "&" + form);
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> bytes(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
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
