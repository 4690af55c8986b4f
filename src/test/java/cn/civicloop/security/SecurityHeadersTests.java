package cn.civicloop.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import cn.civicloop.support.ApiTest;

/**
 * The security headers are on pages, API answers (also refusals) and static files; and the templates keep the
 * promise the policy relies on: no inline script and no on*= handler attributes.
 */
class SecurityHeadersTests extends ApiTest {

    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern HANDLER_ATTRIBUTE = Pattern.compile("\\s(th:)?on[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "/", "/login", "/report", "/track", "/workbench", "/admin", "/api/v1/cases",
            "/api/v1/public/cases/SZ000", "/api/v1/auth/token", "/css/civicloop.css", "/js/report-map.js",
            "/webjars/htmx.org/2.0.8/dist/htmx.min.js", "/geo/street.geojson", "/no-such-page" })
    void everyResponseCarriesTheSecurityHeaders(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        var h = r.headers();
        String csp = h.firstValue("Content-Security-Policy").orElse("");
        assertThat(csp).as(path).contains("script-src 'self';").contains("frame-ancestors 'none'")
                .contains("object-src 'none'").contains("base-uri 'self'").contains("form-action 'self'")
                .contains("connect-src 'self'").contains("img-src 'self' data: blob:");
        assertThat(csp).as("no inline script allowed").doesNotContainPattern("script-src[^;]*unsafe");
        assertThat(h.firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
        assertThat(h.firstValue("X-Frame-Options")).as(path).hasValue("DENY");
        assertThat(h.firstValue("Referrer-Policy")).as(path).hasValue("same-origin");
    }

    @Test
    void noTemplateOrStaticPageHasInlineScriptOrHandlerAttributes() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("src/main/resources"))) {
            files = walk.filter(p -> p.toString().endsWith(".html")).toList();
        }
        assertThat(files).as("templates found").hasSizeGreaterThan(10);
        for (Path f : files) {
            String html = Files.readString(f);
            assertThat(INLINE_SCRIPT.matcher(html).find()).as("inline <script> in " + f).isFalse();
            assertThat(HANDLER_ATTRIBUTE.matcher(html).find()).as("on*= handler attribute in " + f).isFalse();
            assertThat(html).as("javascript: URL in " + f).doesNotContain("javascript:");
            assertThat(html).as("htmx inline handler (hx-on) in " + f).doesNotContain("hx-on");
        }
    }
}
