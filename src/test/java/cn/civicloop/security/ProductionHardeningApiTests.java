package cn.civicloop.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.civicloop.support.Api;

/**
 * The settings production runs with (application-postgres.yml without the demo flag), on the test database: no API
 * description, relative redirects whatever the Host header says, forwarded headers believed from the proxy only, the
 * session cookie Secure and HSTS behind TLS.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "springdoc.api-docs.enabled=false", "springdoc.swagger-ui.enabled=false",
        "server.forward-headers-strategy=native", "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1",
        "server.servlet.session.cookie.secure=true"})
class ProductionHardeningApiTests {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theApiDescriptionIsNotPublished() throws Exception {
        for (String path : new String[] {"/v3/api-docs", "/swagger-ui.html", "/v3/api-docs/swagger-config"}) {
            HttpResponse<String> r = get(path, "http");
            assertThat(r.statusCode()).as(path).isIn(302, 401, 403, 404);
            assertThat(r.body()).as(path).doesNotContain("\"openapi\"", "SwaggerUIBundle", "\"configUrl\"");
        }
    }

    @Test
    void aRedirectNeverPointsAtTheHostTheClientClaims() throws Exception {
        String answer = raw("GET /workbench HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 302");
        String location = answer.lines().filter(l -> l.toLowerCase().startsWith("location:")).findFirst().orElseThrow();
        assertThat(location).doesNotContain("evil.example").contains("/login");
    }

    @Test
    void behindTheTlsProxyTheSessionCookieIsSecureAndHstsIsSent() throws Exception {
        HttpResponse<String> r = get("/login", "https");
        assertThat(r.headers().firstValue("Strict-Transport-Security")).get().asString().contains("max-age=");
        assertThat(r.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("SESSION=")
                .contains("Secure").contains("HttpOnly"));
    }

    @Test
    void aLoggedOutTokenIsRefused() {
        Api api = new Api(port);
        String token = api.post("/api/v1/auth/token", null,
                java.util.Map.of("username", "dispatcher", "password", Api.PASSWORD)).text("token");
        assertThat(api.get("/api/v1/cases?size=1", token).status()).isEqualTo(200);

        assertThat(api.postRaw("/api/v1/auth/logout", token, "application/json", new byte[0], java.util.Map.of()).status()).isEqualTo(204);

        assertThat(api.get("/api/v1/cases?size=1", token).status()).isEqualTo(401);
    }

    private HttpResponse<String> get(String path, String forwardedProto) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("X-Forwarded-Proto", forwardedProto).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private String raw(String request) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            return all.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
