package cn.civicloop.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import cn.civicloop.support.Api;
import cn.civicloop.support.ApiTest;

/**
 * Size limits (413) and rate limits (429) with small numbers so that a test can reach them. Every test calls from
 * its own address: 127.0.0.1 is a trusted proxy here, so X-Forwarded-For picks the bucket.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "civicloop.security.rate-limit.enabled=true",
        "civicloop.security.rate-limit.submit.capacity=3", "civicloop.security.rate-limit.submit.period=PT1H",
        "civicloop.security.rate-limit.track.capacity=3", "civicloop.security.rate-limit.track.period=PT1H",
        "civicloop.security.rate-limit.login.capacity=3", "civicloop.security.rate-limit.login.period=PT1H",
        "civicloop.security.trusted-proxies=127.0.0.1",
        "civicloop.security.max-body-size=64KB",
        "spring.servlet.multipart.max-request-size=2MB", "spring.servlet.multipart.max-file-size=1MB" })
class RequestLimitsApiTests extends ApiTest {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private static Map<String, String> from(String address) {
        return Map.of("X-Forwarded-For", address);
    }

    private static String newAddress() {
        UUID u = UUID.randomUUID();
        return "10." + (u.getMostSignificantBits() & 0xff) + "." + (u.getLeastSignificantBits() & 0xff) + "."
                + ((u.getLeastSignificantBits() >> 8) & 0xff);
    }

    private static void assertProblem(Api.Answer a, int status, String detailContains) {
        assertThat(a.status()).as(a.body()).isEqualTo(status);
        assertThat(a.contentType()).startsWith("application/problem+json");
        assertThat(a.json().get("status").asInt()).isEqualTo(status);
        assertThat(a.json().get("detail").asString()).contains(detailContains);
    }

    private Api.Answer submitFrom(String address) {
        return api.post("/api/v1/appeals", null, appeal("路面坑洼"), from(address));
    }

    // ------------------------------------------------------------------------------------------ 413

    @Test
    void aJsonBodyOverTheLimitIs413BeforeItIsParsed() {
        Map<String, Object> form = appeal("超大请求");
        form.put("content", "长".repeat(40_000));
        assertProblem(api.post("/api/v1/appeals", null, form, from(newAddress())), 413, "请求内容过大");
    }

    @Test
    void aSpreadsheetBodyOverTheLimitIs413EverywhereButTheStreamedImports() {
        // only the import of historical work orders streams CSV past the JSON limit; the intake does not
        byte[] csv = "标题,内容\n".concat("路灯不亮,".repeat(200_000)).getBytes(StandardCharsets.UTF_8);
        assertProblem(api.postRaw("/api/v1/appeals", null, "text/csv; charset=UTF-8", csv, from(newAddress())), 413,
                "请求内容过大");
    }

    @Test
    void aMultipartUploadOverTheTotalLimitIs413() {
        Api.Answer a = api.postMultipart("/api/v1/appeals", null, "appeal", appeal("照片太多"), "photos",
                Map.of("a.png", new byte[900_000], "b.png", new byte[900_000], "c.png", new byte[900_000]));
        assertProblem(a, 413, "请求内容过大");
    }

    @Test
    void oneFileOverTheFileLimitIs413() {
        Api.Answer a = api.postMultipart("/api/v1/appeals", null, "appeal", appeal("照片太大"), "photos",
                Map.of("a.png", new byte[1_200_000]));
        assertThat(a.status()).as(a.body()).isEqualTo(413);
        assertThat(a.contentType()).startsWith("application/problem+json");
        assertThat(a.json().get("detail").asString()).isNotBlank();
    }

    @Test
    void theReportPageShowsAReadableMessageForAnOversizedUpload() throws Exception {
        String boundary = "b" + UUID.randomUUID();
        byte[] big = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photos\"; filename=\"x.png\"\r\n\r\n"
                + "x".repeat(2_200_000) + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + "/report"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofByteArray(big)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        // the site's error page in the page's language (zh-CN by default): the reason without its English half
        assertThat(r.body()).contains("id=\"error-page\"").contains("请求内容过大").doesNotContain("request too large");
    }

    // ------------------------------------------------------------------------------------------ 429

    @Test
    void publicSubmissionIsLimitedPerAddressWithRetryAfter() throws Exception {
        String address = newAddress();
        for (int i = 0; i < 3; i++) {
            assertThat(submitFrom(address).status()).isEqualTo(201);
        }
        Api.Answer refused = submitFrom(address);
        assertProblem(refused, 429, "请求过于频繁");
        HttpResponse<String> raw = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port()
                + "/api/v1/appeals")).header("Content-Type", "application/json").header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(raw.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(raw.headers().firstValue("Retry-After").orElseThrow())).isPositive();

        assertThat(submitFrom(newAddress()).status()).as("another address has its own bucket").isEqualTo(201);
    }

    @Test
    void theTrackingLookupIsLimitedAgainstGuessing() {
        String address = newAddress();
        for (int i = 0; i < 3; i++) {
            Api.Answer guess = api.get("/api/v1/public/cases/SZ2026000" + i, null,
                    Map.of("X-Tracking-Token", "guess", "X-Forwarded-For", address));
            assertThat(guess.status()).isEqualTo(404);
        }
        assertProblem(api.get("/api/v1/public/cases/SZ20260009", null,
                Map.of("X-Tracking-Token", "guess", "X-Forwarded-For", address)), 429, "秒后再试");
    }

    @Test
    void theTokenEndpointIsLimitedPerAddress() {
        String address = newAddress();
        Map<String, String> wrong = Map.of("username", "nobody-" + UUID.randomUUID(), "password", "wrong-password");
        for (int i = 0; i < 3; i++) {
            assertThat(api.post("/api/v1/auth/token", null, wrong, from(address)).status()).isEqualTo(401);
        }
        assertProblem(api.post("/api/v1/auth/token", null, wrong, from(address)), 429, "请求过于频繁");
    }

    @Test
    void theLoginFormIsLimitedAndSaysSoOnAPage() throws Exception {
        String address = newAddress();
        HttpResponse<String> last = null;
        for (int i = 0; i < 4; i++) {
            last = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                    .header("X-Forwarded-For", address)
                    .POST(HttpRequest.BodyPublishers.ofString("username=x&password=y")).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.headers().firstValue("Retry-After")).isPresent();
        assertThat(last.body()).contains("id=\"error-page\"").contains("请求过于频繁").doesNotContain("too many requests");
    }

    // ------------------------------------------------------------------- every spelling of a limited path

    @Test
    void submissionIsLimitedOnItsPercentEncodedPathToo() {
        String address = newAddress();
        for (int i = 0; i < 3; i++) {
            Api.Answer a = api.post("/api/v1/%61ppeals", null, appeal("路面坑洼"), from(address));
            assertThat(a.status()).as("the encoded path reaches the appeal door: " + a.body()).isEqualTo(201);
        }
        assertProblem(api.post("/api/v1/%61ppeals", null, appeal("路面坑洼"), from(address)), 429, "请求过于频繁");
        assertProblem(submitFrom(address), 429, "请求过于频繁");
    }

    @Test
    void theTrackingLookupIsLimitedOnItsPercentEncodedPathToo() {
        String address = newAddress();
        Map<String, String> headers = Map.of("X-Tracking-Token", "guess", "X-Forwarded-For", address);
        for (int i = 0; i < 3; i++) {
            assertThat(api.get("/api/v1/%70ublic/cases/SZ2026000" + i, null, headers).status()).isEqualTo(404);
        }
        assertProblem(api.get("/api/v1/%70ublic/cases/SZ20260009", null, headers), 429, "秒后再试");
        assertProblem(api.get("/api/v1/public/cases/SZ20260009", null, headers), 429, "秒后再试");
    }

    @Test
    void theTokenEndpointIsLimitedOnItsPercentEncodedPathToo() {
        String address = newAddress();
        Map<String, String> wrong = Map.of("username", "nobody-" + UUID.randomUUID(), "password", "wrong-password");
        for (int i = 0; i < 3; i++) {
            assertThat(api.post("/api/v1/auth/%74oken", null, wrong, from(address)).status()).isEqualTo(401);
        }
        assertProblem(api.post("/api/v1/auth/%74oken", null, wrong, from(address)), 429, "请求过于频繁");
        assertProblem(api.post("/api/v1/auth/token", null, wrong, from(address)), 429, "请求过于频繁");
    }

    @Test
    void theLoginFormIsLimitedOnItsPercentEncodedPathToo() throws Exception {
        String address = newAddress();
        int[] statuses = new int[5];
        for (int i = 0; i < 5; i++) {
            String path = i % 2 == 0 ? "/%6Cogin" : "/login";
            statuses[i] = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                    .header("X-Forwarded-For", address)
                    .POST(HttpRequest.BodyPublishers.ofString("username=x&password=y")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode();
        }
        assertThat(statuses[3]).isEqualTo(429);
        assertThat(statuses[4]).as("POST /%6Cogin after the limit").isEqualTo(429);
    }
}
