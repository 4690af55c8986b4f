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

/**
 * The load generator's HTTP side: one java.net.http client (HTTP/1.1, keep-alive, its own fixed executor), the
 * JSON of an appeal, and the few answers it reads. Deliberately free of a JSON library on the hot path.
 */
final class LoadClient {

    private static final Pattern NUMBER = Pattern.compile("\"number\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");
    /** The district seat of the demo district; appeals are spread around it. */
    private static final double SEAT_LAT = 34.85766;
    private static final double SEAT_LON = 117.55162;
    private static final String[] CHANNELS = {"HOTLINE_12345", "WEBSITE", "WECHAT", "GRID_WORKER", "ONLINE_OPINION"};

    private final HttpClient http;
    private final String base;
    private final String[] instances;
    private final java.util.concurrent.atomic.AtomicInteger turn = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * {@code bases}: one URL, or several comma-separated instances of one cluster. Appeals and bearer-token reads
     * go to them in turn; the page session (login, dashboard) stays on the first, as sessions are per instance.
     */
    LoadClient(String bases, ExecutorService executor) {
        this.instances = java.util.Arrays.stream(bases.split(",")).map(String::strip)
                .map(b -> b.endsWith("/") ? b.substring(0, b.length() - 1) : b).toArray(String[]::new);
        this.base = instances[0];
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
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
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
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

    HttpRequest get(String path, String token) {
        String to = token == null ? base : instances[Math.floorMod(turn.getAndIncrement(), instances.length)];
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
        Answer page = send(get("/login", null));
        Matcher m = CSRF.matcher(page.body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on /login: " + page.status());
        }
        String csrf = m.group(1) != null ? m.group(1) : m.group(2);
        String form = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(csrf);
        Answer done = send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        if (done.status() != 302 && !done.ok()) {
            throw new IllegalStateException("page login failed: " + done.status());
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
