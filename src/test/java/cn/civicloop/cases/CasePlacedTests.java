package cn.civicloop.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.civicloop.geo.GeoPoint;
import cn.civicloop.geo.Jurisdictions;
import cn.civicloop.geo.Placement;
import cn.civicloop.support.ApiTest;
import cn.civicloop.support.Node;
import cn.civicloop.support.PageSession;
import tools.jackson.databind.JsonNode;

/**
 * A place corrected to another street reaches the modules that keep a case's place: the board's row moves to the
 * new street, the daily figures' share too; the timeline keeps the old and the new point as values, which the case
 * page words in Chinese and in English.
 */
class CasePlacedTests extends ApiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final GeoPoint FIRST = new GeoPoint(34.8597, 117.5546);

    @Autowired
    Jurisdictions jurisdictions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCaseMovedToAnotherStreetMovesOnTheBoardAndInTheDailyFigures() {
        Map<String, Object> a = appeal("路面塌陷");
        a.put("location", Map.of("lat", FIRST.lat(), "lon", FIRST.lon()));
        a.put("publish", true);
        String number = submit(a).text("number");
        Placement before = jurisdictions.locate(FIRST).orElseThrow();
        Node.await(WAIT, "the case on the board in its first street", () -> onBoard(number)
                .map(c -> before.street().name().equals(c.get("streetName").asString())).orElse(false));
        Node.await(WAIT, "the case's share of the daily figures", () -> shareStreet(number)
                .filter(before.street().code()::equals).isPresent());

        GeoPoint elsewhere = pointOutside(before.street().code());
        Placement after = jurisdictions.locate(elsewhere).orElseThrow();
        var fixed = api.post("/api/v1/appeals/" + number + "/place", api.login("operator"), Map.of("location",
                Map.of("lat", elsewhere.lat(), "lon", elsewhere.lon()), "label", "测试门牌", "reason", "来电人更正位置"));
        assertThat(fixed.status()).as(fixed.body()).isEqualTo(204);

        Node.await(WAIT, "the case on the board in its new street", () -> onBoard(number)
                .map(c -> after.street().name().equals(c.get("streetName").asString())).orElse(false));
        Node.await(WAIT, "the case's share moved to the new street", () -> shareStreet(number)
                .filter(after.street().code()::equals).isPresent());

        String point = String.format(Locale.ROOT, "%.6f,%.6f", elsewhere.lat(), elsewhere.lon());
        List<JsonNode> timeline = api.get("/api/v1/cases/" + number + "/timeline", api.login("operator")).json()
                .valueStream().toList();
        JsonNode last = timeline.get(timeline.size() - 1);
        assertThat(last.get("action").asString()).isEqualTo("PLACE");
        assertThat(last.get("reason").asString())
                .isEqualTo("PLACE_FIXED[34.859700,117.554600|" + point + "|测试门牌]: 来电人更正位置");
        PageSession operator = PageSession.login(port(), "operator");
        assertThat(operator.get("/workbench/cases/" + number + "?lang=zh_CN").body())
                .contains("位置 34.859700,117.554600 → " + point + "（测试门牌）", "来电人更正位置")
                .doesNotContain("PLACE_FIXED[");
        assertThat(operator.get("/workbench/cases/" + number + "?lang=en").body())
                .contains("Place 34.859700,117.554600 → " + point + " (测试门牌)").doesNotContain("PLACE_FIXED[");
    }

    /** The first point of a fixed grid over the district that lies in another street or town. */
    private GeoPoint pointOutside(String streetCode) {
        for (int i = 0; i < 40; i++) {
            for (int j = 0; j < 40; j++) {
                GeoPoint p = new GeoPoint(34.70 + i * 0.01, 117.35 + j * 0.01);
                Optional<Placement> placed = jurisdictions.locate(p);
                if (placed.isPresent() && placed.get().street() != null
                        && !streetCode.equals(placed.get().street().code()) && placed.get().community() != null) {
                    return p;
                }
            }
        }
        throw new IllegalStateException("no point of the district outside street " + streetCode);
    }

    private Optional<JsonNode> onBoard(String number) {
        return api.get("/api/v1/public/board", null).json().get("cases").valueStream()
                .filter(c -> c.get("number").asString().equals(number)).findFirst();
    }

    private Optional<String> shareStreet(String number) {
        return jdbc.sql("select s.street_code from cases_figure_share s join cases_case c on c.id = s.case_id "
                + "where c.number = ?").param(number).query(String.class).optional();
    }
}
