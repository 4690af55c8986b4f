package cn.civicloop.security;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import javax.imageio.ImageIO;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.civicloop.CivicLoopApplication;
import cn.civicloop.support.Api;
import cn.civicloop.support.Node;
import cn.civicloop.support.PageSession;

/**
 * The whole application for the property-based suite, started by hand because jqwik properties do not run under
 * Spring's JUnit Jupiter extension. Requests go over the real loopback port, not MockMvc: hostile input must meet
 * Tomcat's parsers, the multipart resolver and the servlet filters exactly as in production, and a local HTTP
 * round trip costs about a millisecond.
 */
final class HostileApp implements AutoCloseable {

    static final AtomicLong REQUESTS = new AtomicLong();

    /** A resident with a case of his own: number, tracking token, and text nobody else may ever see. */
    record Resident(String number, String token, String secret, String phone, long photoId) {
    }

    final ConfigurableApplicationContext context;
    final Api api;
    final JdbcClient jdbc;
    final List<Resident> residents = new ArrayList<>();
    private final String base;
    private final HttpClient browser;
    private final String csrf;
    private final java.time.Instant started;

    HostileApp() {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.application.name=civicloop-hostile",
                "--civicloop.security.rate-limit.enabled=false"));
        if (!System.getProperty("spring.profiles.active", "").contains("postgres")) {
            args.add("--spring.datasource.url=jdbc:h2:mem:civicloop-hostile;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                    + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        }
        started = java.time.Instant.now();
        context = new SpringApplicationBuilder(CivicLoopApplication.class).run(args.toArray(String[]::new));
        int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
        base = "http://127.0.0.1:" + port;
        api = new Api(port);
        jdbc = context.getBean(JdbcClient.class);
        for (int i = 0; i < 3; i++) {
            residents.add(seed(i));
        }
        browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        csrf = PageSession.csrfOf(page("/track").body());
        if (csrf.isEmpty()) {
            throw new IllegalStateException("the tracking form carries no CSRF token");
        }
        awaitQuiet();
    }

    private Resident seed(int i) {
        String secret = "SECRET" + i + UUID.randomUUID().toString().replace("-", "");
        String phone = "1390000" + (1000 + i);
        Map<String, Object> appeal = Map.of("channel", "WEBSITE", "externalRef", "hostile-seed-" + UUID.randomUUID(),
                "title", "路灯不亮 " + secret, "content", "广济路路灯坏了三天 " + secret, "address", "广济路 " + secret,
                "contact", Map.of("name", "居民" + secret.substring(0, 8), "phone", phone));
        Api.Answer a = api.postMultipart("/api/v1/appeals", null, "appeal", appeal, "photos",
                Map.of("lamp.png", png()));
        if (a.status() != 201) {
            throw new IllegalStateException("seed case refused: " + a);
        }
        String number = a.text("number");
        String token = a.text("trackingToken");
        long photoId = api.get("/api/v1/public/cases/" + number, null, Map.of("X-Tracking-Token", token)).json()
                .get("attachments").get(0).get("id").asLong();
        return new Resident(number, token, secret, phone, photoId);
    }

    static byte[] png() {
        try {
            var out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rows a submission writes; a refused request must leave every one of these counts as it was. */
    List<Long> writes() {
        return jdbc.sql("""
                select (select count(*) from cases_case), (select count(*) from cases_reporter),
                       (select count(*) from cases_attachment), (select count(*) from cases_timeline),
                       (select count(*) from event_publication)""")
                .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
                .single();
    }

    /** Accepted submissions are followed by asynchronous module listeners; wait until they are done. */
    /**
     * Waits until the events this application published have been handled. Only its own: on PostgreSQL the suite
     * shares one database, and a publication another application left behind when it stopped (its listener still
     * running) is resubmitted later by whichever instance's {@code ops} task comes first, not by this one.
     */
    void awaitQuiet() {
        Node.await(Duration.ofSeconds(60), "event publications completed", () -> jdbc
                .sql("select count(*) from event_publication where completion_date is null and publication_date >= ?")
                .param(java.sql.Timestamp.from(started)).query(Long.class).single() == 0);
    }

    Api.Answer postRaw(String path, String contentType, byte[] body, Map<String, String> headers) {
        REQUESTS.incrementAndGet();
        return api.postRaw(path, null, contentType, body, headers);
    }

    Api.Answer get(String path, Map<String, String> headers) {
        REQUESTS.incrementAndGet();
        return api.get(path, null, headers);
    }

    /** The tracking form as a browser sends it, in one session with its CSRF token. */
    HttpResponse<String> postTrackForm(String path, Map<String, String> fields) {
        REQUESTS.incrementAndGet();
        StringBuilder form = new StringBuilder("_csrf=" + enc(csrf));
        fields.forEach((k, v) -> form.append('&').append(k).append('=').append(enc(v)));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build());
    }

    HttpResponse<String> page(String path) {
        REQUESTS.incrementAndGet();
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return browser.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        context.close();
    }
}
