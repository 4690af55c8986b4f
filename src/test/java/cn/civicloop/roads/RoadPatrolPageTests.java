package cn.civicloop.roads;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.civicloop.support.Api;
import cn.civicloop.support.ApiTest;
import tools.jackson.databind.JsonNode;
import cn.civicloop.support.PageSession;

/**
 * The road inspector's patrol page as the server writes it: his own segments first in the picker (then his
 * squad's, the rest only when asked for), a map of them fed from the page (no coordinates to type), the road at a
 * tapped point, times in district time, labels from the message bundles, and an overdue mark on an issue past its
 * answer limit.
 */
class RoadPatrolPageTests extends ApiTest {

    private static final ZoneId DISTRICT = ZoneId.of("Asia/Shanghai");

    @Autowired
    JdbcClient jdbc;

    @Test
    void theInspectorsOwnSegmentComesFirstThenHisSquadsAndTheRestOnlyWhenAsked() {
        Page road3 = new Page("road3");
        String page = road3.get("/roads/patrol").body();
        String select = between(page, "<select id=\"issue-segment\"", "</select>");
        assertThat(firstSegmentOption(select)).isEqualTo("R01-1");
        assertThat(select.indexOf("id=\"segments-own\"")).isLessThan(select.indexOf("value=\"R01-1\""));
        assertThat(select.indexOf("value=\"R01-1\"")).isLessThan(select.indexOf("id=\"segments-squad\""));
        assertThat(select.indexOf("id=\"segments-squad\"")).isLessThan(select.indexOf("value=\"R10-1\""));
        assertThat(select).contains("R01-1 广济路").doesNotContain("value=\"R02-1\"").doesNotContain("segments-others");
        assertThat(count(select, "<option value=\"R")).isEqualTo(2);

        String all = between(road3.get("/roads/patrol?segments=all").body(), "<select id=\"issue-segment\"", "</select>");
        assertThat(firstSegmentOption(all)).isEqualTo("R01-1");
        assertThat(all).contains("id=\"segments-others\"", "value=\"R02-1\"");
        assertThat(count(all, "value=\"R01-1\"")).isEqualTo(1);
        assertThat(count(all, "<option value=\"R")).isEqualTo(64);

        // a squad leader's own segments are his squad's
        String road2 = between(new Page("road2").get("/roads/patrol").body(), "<select id=\"issue-segment\"", "</select>");
        assertThat(firstSegmentOption(road2)).isEqualTo("R01-1");
        assertThat(between(road2, "id=\"segments-own\"", "</optgroup>")).contains("value=\"R10-1\"");
    }

    @Test
    void theMapCarriesHisSegmentsAndTheRoadAtAPointIsOneRequestAway() {
        Page road3 = new Page("road3");
        String page = road3.get("/roads/patrol").body();
        assertThat(page).contains("id=\"road-map\"", "/webjars/leaflet/1.9.4/dist/leaflet.js", "/js/road-patrol.js",
                "/js/civic-time.js", "data-snap=\"/roads/patrol/snap\"");
        JsonNode segments = Api.json().readTree(attribute(page, "data-segments"));
        assertThat(segments.size()).isEqualTo(2);
        assertThat(segments.get(0).get("code").asString()).isEqualTo("R01-1");
        assertThat(segments.get(0).get("own").asBoolean()).isTrue();
        assertThat(segments.get(0).get("line").get(1).get(0).asDouble()).isEqualTo(34.830107); // [lat, lon]
        assertThat(segments.get(1).get("own").asBoolean()).isFalse();

        HttpResponse<String> onRoad = road3.get("/roads/patrol/snap?lat=34.830107&lon=117.521667");
        assertThat(onRoad.statusCode()).isEqualTo(200);
        JsonNode snap = Api.json().readTree(onRoad.body());
        assertThat(snap.get("segmentCode").asString()).isEqualTo("R01-1");
        assertThat(snap.get("roadName").asString()).isEqualTo("广济路");
        assertThat(road3.get("/roads/patrol/snap?lat=34.70&lon=117.30").statusCode()).isEqualTo(204);
        assertThat(road3.get("/roads/patrol/snap?lat=95&lon=117.30").statusCode()).isEqualTo(422);
        assertThat(new Page("leader").get("/roads/patrol/snap?lat=34.830107&lon=117.521667").statusCode()).isEqualTo(403);

        // the grid workers' report page has the same map and position, without chiefs' segments or a patrol
        String report = new Page("grid1").get("/roads/report").body();
        assertThat(report).contains("id=\"road-map\"", "id=\"issue-lat\"", "/js/road-patrol.js");
        assertThat(attribute(report, "data-segments")).isEqualTo("[]");
        assertThat(report).doesNotContain("data-snap=\"/", "data-track=\"/");
    }

    @Test
    void timesAreDistrictTimeAndLabelsComeFromTheBundles() {
        long id = report("井盖松动");
        // reported at 02:30 in the district three days ago: 18:30 the day before in UTC
        Instant reported = LocalDate.now(DISTRICT).minusDays(3).atTime(2, 30).atZone(DISTRICT).toInstant();
        jdbc.sql("update roads_issue set reported_at = ? where id = ?").params(Timestamp.from(reported), id).update();
        DateTimeFormatter shown = DateTimeFormatter.ofPattern(LocalDate.now(DISTRICT).getYear() == reported.atZone(DISTRICT).getYear()
                ? "MM-dd HH:mm" : "yyyy-MM-dd HH:mm");

        Page road2 = new Page("road2");
        String zh = article(road2.get("/roads/patrol").body(), id);
        assertThat(zh).contains(shown.format(reported.atZone(DISTRICT)))
                .doesNotContain(shown.format(reported.atZone(ZoneOffset.UTC)));
        assertThat(zh).contains(">待处置<", "现场无法处置，报上级路长").doesNotContain("PASSED_UP", "PENDING");

        String en = article(road2.get("/roads/patrol?lang=en").body(), id);
        assertThat(en).contains(">Pending<", "Passed to the next-level chief", "Reported").doesNotContain("PASSED_UP");
        assertThat(road2.get("/roads/patrol").body()).contains("My segments", "Level-2 chief");
    }

    @Test
    void anIssuePastItsAnswerLimitIsMarkedOverdue() {
        long late = report("路灯杆倾斜");
        long inTime = report("窨井盖缺失");
        jdbc.sql("update roads_issue set held_since = ? where id = ?")
                .params(Timestamp.from(Instant.now().minus(Duration.ofHours(3))), late).update();

        String page = new Page("road2").get("/roads/patrol").body();
        assertThat(article(page, late)).contains("id=\"issue-overdue-" + late + "\"", ">超时<");
        assertThat(article(page, inTime)).doesNotContain("issue-overdue-");
        assertThat(api.get("/api/v1/roads/issues/" + late, api.login("road2")).json().get("overdue").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/roads/issues/" + inTime, api.login("road2")).json().get("overdue").asBoolean()).isFalse();
    }

    /** An issue road3 cannot fix on 广济路: it goes to his squad leader road2. */
    private long report(String title) {
        Api.Answer a = api.post("/api/v1/roads/issues", api.login("road3"), Map.of("title", title + " "
                + UUID.randomUUID().toString().substring(0, 6), "description", title, "segmentCode", "R01-1"));
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json().get("id").asLong();
    }

    private static String firstSegmentOption(String select) {
        Matcher m = Pattern.compile("<option value=\"(R[^\"]+)\"").matcher(select);
        return m.find() ? m.group(1) : null;
    }

    private static String article(String page, long id) {
        return between(page, "<article id=\"issue-" + id + "\"", "</article>");
    }

    private static String attribute(String page, String name) {
        Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(page);
        assertThat(m.find()).as(name).isTrue();
        return m.group(1).replace("&quot;", "\"").replace("&amp;", "&").replace("&#39;", "'").replace("&lt;", "<")
                .replace("&gt;", ">");
    }

    private static String between(String text, String from, String to) {
        int start = text.indexOf(from);
        assertThat(start).as("'%s' in the page", from).isNotNegative();
        return text.substring(start, text.indexOf(to, start) + to.length());
    }

    private static int count(String text, String what) {
        return text.split(Pattern.quote(what), -1).length - 1;
    }

    /** A browser's session on the pages (form login with the page's CSRF token), no redirects followed. */
    private final class Page {

        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        Page(String username) {
            String csrf = PageSession.csrfOf(get("/login").body());
            assertThat(csrf).isNotEmpty();
            String form = "username=" + username + "&password=" + Api.PASSWORD + "&_csrf="
                    + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
            HttpResponse<String> login = send(HttpRequest.newBuilder(uri("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
            assertThat(login.statusCode()).as("login of " + username).isEqualTo(302);
        }

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(uri(path)).GET());
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        private URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port() + path);
        }
    }
}
