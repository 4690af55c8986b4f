package cn.civicloop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import cn.civicloop.support.ApiTest;

/**
 * The WebJars are kept by the browser for a year under their versioned addresses; our own scripts, styles and the
 * pages are not kept (a kept page would show yesterday's case, a kept script could outlive a release).
 */
class StaticFilesCachingTests extends ApiTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aWebJarIsKeptAYearUnderItsVersionedAddress() throws Exception {
        for (String path : new String[] { "/webjars/echarts/5.3.1/dist/echarts.min.js",
                "/webjars/leaflet/1.9.4/dist/leaflet.css", "/webjars/htmx.org/2.0.8/dist/htmx.min.js" }) {
            HttpResponse<String> answer = get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(200);
            assertThat(answer.headers().firstValue("Cache-Control")).as(path)
                    .hasValueSatisfying(v -> assertThat(v).contains("max-age=31536000", "public", "immutable"));
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).as("security headers stay").hasValue("nosniff");
        }
        assertThat(get("/webjars/echarts/5.3.1/dist/no-such-file.js").statusCode()).isEqualTo(404);
    }

    @Test
    void pagesAndOurOwnFilesAreNotKept() throws Exception {
        for (String path : new String[] { "/report", "/js/report-map.js", "/css/civicloop.css" }) {
            HttpResponse<String> answer = get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(200);
            assertThat(answer.headers().firstValue("Cache-Control")).as(path)
                    .hasValueSatisfying(v -> assertThat(v).contains("no-store").doesNotContain("max-age=31536000"));
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
