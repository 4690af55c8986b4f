package cn.civicloop.load;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import cn.civicloop.support.PageSession;

/**
 * The load generator's HTTP side: one java.net.http client (HTTP/1.1, keep-alive, its own fixed executor), the
 * JSON of an appeal, and the few answers it reads. Deliberately free of a JSON library on the hot path.
 */
final class LoadClient {

    private static final Pattern NUMBER = Pattern.compile("\"number\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    /** The district seat of the demo district; appeals are spread around it. */
    private static final double SEAT_LAT = 34.85766;
    private static final double SEAT_LON = 117.55162;
    /** The public channels: the others take only their owners' logins (intake.ChannelOwners). */
    private static final String[] CHANNELS = {"WEBSITE", "WECHAT"};

    /** Appeals and bearer-token reads: no cookies, like a program on the API door. */
    private final HttpClient http;
    /** The page session (login, dashboard): a browser's cookie jar, never used for the API. */
    private final HttpClient pages;
    private final String base;
    private final String[] instances;
    private final java.util.concurrent.atomic.AtomicInteger turn = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * {@code bases}: one URL, or several comma-separated instances of one cluster. Appeals, bearer-token reads and
     * page-session reads go to them in turn: page sessions live in the database (Spring Session JDBC), so the
     * session cookie from the login on the first instance is valid on every other (no sticky sessions).
     * <p>
     * Until 2026-11-26 one cookie jar served both doors, and every bearer request that carried the page cookie made
     * the API's session fixation protection rotate the page session's id; concurrent dashboard reads then sent a
     * stale id and were answered 302 to /login. The server no longer touches page sessions on the API door
     * ({@code StaffLoginPageTests.aBearerRequestCarryingThePageCookieLeavesThePageSessionAlone}), and the benchmark
     * keeps the two doors apart, as a browser and a program would be.
     */
    LoadClient(String bases, ExecutorService executor) {
        this.instances = java.util.Arrays.stream(bases.split(",")).map(String::strip)
                .map(b -> b.endsWith("/") ? b.substring(0, b.length() - 1) : b).toArray(String[]::new);
        this.base = instances[0];
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
                .connectTimeout(Duration.ofSeconds(5)).build();
        this.pages = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
                .connectTimeout(Duration.ofSeconds(5)).cookieHandler(new CookieManager()).build();
    }

    String base() {
        return base;
    }

    record Answer(int status, String body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        String number() {
            Matcher m = NUMBER.matcher(body);
            return m.find() ? m.group(1) : null;
        }
    }

    HttpRequest appeal(String run, int i, String[] text) {
        // Deterministic spread over about 2 km around the seat, so places repeat as they do in a real district.
        double lat = SEAT_LAT + ((i * 7919L) % 200 - 100) / 10_000.0;
        double lon = SEAT_LON + ((i * 104_729L) % 200 - 100) / 10_000.0;
        String json = "{\"channel\":\"" + CHANNELS[i % CHANNELS.length] + "\",\"externalRef\":\"" + ref(run, i)
                + "\",\"title\":" + quote(text[0]) + ",\"content\":" + quote(text[1]) + ",\"location\":{\"lat\":"
                + lat + ",\"lon\":" + lon + "},\"contact\":{\"name\":\"测试\",\"phone\":\"138" + String.format("%08d", i)
                + "\"}}";
        return HttpRequest.newBuilder(URI.create(instances[i % instances.length] + "/api/v1/appeals")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    static String ref(String run, int i) {
        return run + "-" + i;
    }

    Answer send(HttpRequest request) {
        return send(http, request);
    }

    /** A request of the page session (its cookie jar). */
    Answer sendPage(HttpRequest request) {
        return send(pages, request);
    }

    private static Answer send(HttpClient client, HttpRequest request) {
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body());
        } catch (IOException e) {
            return new Answer(-1, String.valueOf(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "interrupted");
        }
    }

    CompletableFuture<Answer> sendAsync(HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(r -> new Answer(r.statusCode(), r.body()))
                .exceptionally(e -> new Answer(-1, String.valueOf(e)));
    }

    /** A GET to the next instance in turn; {@code token} null for a page-session read (send it with {@link #sendPage}). */
    HttpRequest get(String path, String token) {
        String to = instances[Math.floorMod(turn.getAndIncrement(), instances.length)];
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(to + path)).timeout(Duration.ofSeconds(30)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b.build();
    }

    String token(String user, String password) {
        Answer a = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}"))
                .build());
        Matcher m = TOKEN.matcher(a.body());
        if (!a.ok() || !m.find()) {
            throw new IllegalStateException("cannot get a token for " + user + ": " + a.status() + " " + a.body());
        }
        return m.group(1);
    }

    /** Logs in on the page door (form + CSRF); the session cookie then stays in this client's cookie jar. */
    void pageLogin(String user, String password) {
        Answer page = sendPage(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build());
        String csrf = PageSession.csrfOf(page.body());
        if (csrf.isEmpty()) {
            throw new IllegalStateException("no CSRF token on /login: " + page.status());
        }
        String form = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(csrf);
        HttpResponse<String> done;
        try {
            done = pages.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("page login failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
        String location = done.headers().firstValue("Location").orElse("");
        if (done.statusCode() != 302 || location.contains("/login")) {
            throw new IllegalStateException("page login of " + user + " failed: " + done.statusCode() + " " + location);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
