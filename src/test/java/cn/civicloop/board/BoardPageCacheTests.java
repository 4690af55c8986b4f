package cn.civicloop.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.civicloop.support.ApiTest;

/**
 * The public page as an anonymous visitor gets it: the same bytes per snapshot and language with an entity tag
 * (a 304 for a matching one), a new page once a new case is published, and no session: nothing is stored for a
 * visitor, no cookie is set. The test profile rebuilds the snapshot on every request ({@code refresh: 0s}).
 */
class BoardPageCacheTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private long sessions() {
        return jdbc.sql("select count(*) from security_session").query(Long.class).single();
    }

    @Test
    void anAnonymousVisitorGetsAPublicPageAndNoSession() throws Exception {
        long before = sessions();
        for (String path : new String[] {"/board", "/board", "/board?after=2026-01-01T00:00:00Z~SZ-1"}) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Set-Cookie")).as("no session, no cookie").isEmpty();
            assertThat(r.headers().firstValue("ETag")).hasValueSatisfying(e -> assertThat(e).matches("\"[0-9a-f]{32}\""));
            assertThat(r.headers().firstValue("Last-Modified")).isPresent();
            // kept no longer than the snapshot is served: the test profile's refresh is 0 s
            assertThat(r.headers().firstValue("Cache-Control")).hasValue("max-age=0, public");
            assertThat(r.headers().firstValue("Vary")).hasValueSatisfying(v -> assertThat(v).contains("Cookie"));
            assertThat(r.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
            assertThat(r.body()).contains("阳光公示").contains("/login");
        }
        assertThat(sessions()).as("rows of the JDBC session table").isEqualTo(before);
    }

    @Test
    void thePageIsRenderedPerLanguage() throws Exception {
        HttpResponse<String> zh = get("/board");
        HttpResponse<String> en = get("/board", "Cookie", "civicloop-lang=en");
        assertThat(zh.body()).contains("阳光公示").doesNotContain("Public board");
        assertThat(en.body()).contains("Public board").doesNotContain("阳光公示");
        assertThat(en.headers().firstValue("ETag")).isNotEqualTo(zh.headers().firstValue("ETag"));
        // ?lang sets the language cookie: that answer is the visitor's own, not for shared caches
        HttpResponse<String> switched = get("/board?lang=en");
        assertThat(switched.body()).contains("Public board");
        assertThat(switched.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c)
                .contains("private").doesNotContain("public"));
    }

    @Test
    void aMatchingEntityTagIsNotModified() throws Exception {
        // the page shows its time to the minute and other tests' cases may reach the board meanwhile: the same
        // page twice in a row is awaited (a positive signal), not assumed
        Instant end = Instant.now().plusSeconds(60);
        HttpResponse<String> again = null;
        String etag = null;
        while (Instant.now().isBefore(end)) {
            etag = get("/board").headers().firstValue("ETag").orElseThrow();
            again = get("/board", "If-None-Match", etag);
            if (again.statusCode() == 304) {
                break;
            }
        }
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).hasValue(etag);
        assertThat(get("/board", "If-None-Match", "\"0123456789abcdef0123456789abcdef\"").statusCode()).isEqualTo(200);
    }

    @Test
    void aNewlyPublishedCaseIsANewPage() throws Exception {
        HttpResponse<String> before = get("/board");
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("channel", "WEBSITE");
        a.put("externalRef", "BP-" + UUID.randomUUID());
        a.put("kind", "COMPLAINT");
        a.put("title", "光明路路灯闪烁多日");
        a.put("content", "光明路路灯闪烁多日，夜间行走不便。");
        a.put("location", Map.of("lat", 34.8597, "lon", 117.5546));
        a.put("contact", Map.of("name", "测试", "phone", "13800000001"));
        String number = submit(a).text("number");
        Instant end = Instant.now().plusSeconds(60);
        HttpResponse<String> after = get("/board");
        while (!after.body().contains(number) && Instant.now().isBefore(end)) {
            Thread.onSpinWait();
            after = get("/board");
        }
        assertThat(after.body()).contains(number).contains("光明路路灯闪烁多日");
        assertThat(before.body()).doesNotContain(number);
        assertThat(after.headers().firstValue("ETag")).isNotEqualTo(before.headers().firstValue("ETag"));
        assertThat(get("/board", "If-None-Match", before.headers().firstValue("ETag").orElseThrow()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void theJsonIsServedWithItsEntityTagAndFreshness() throws Exception {
        for (String path : new String[] {"/api/v1/public/board", "/api/v1/public/board/cases"}) {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
                    .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                    c -> assertThat(c).startsWith("application/json"));
            // the tag is the digest of the bytes served: the same document has the same tag on every instance
            String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(r.body()), 0, 16);
            assertThat(r.headers().firstValue("ETag")).hasValue('"' + digest + '"');
            assertThat(r.headers().firstValue("Last-Modified")).isPresent();
            assertThat(r.headers().firstValue("Cache-Control")).hasValue("max-age=0, public");
            assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("\"cases\":[");
            assertThat(get(path, "If-None-Match", "\"0123456789abcdef0123456789abcdef\"").statusCode()).isEqualTo(200);
        }
        assertThat(api.get("/api/v1/public/board", null).json().get("builtAt").isString()).isTrue();
    }
}
