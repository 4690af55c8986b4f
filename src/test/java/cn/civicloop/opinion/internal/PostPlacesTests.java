package cn.civicloop.opinion.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.civicloop.opinion.RunTexts;
import cn.civicloop.places.Gazetteer;
import cn.civicloop.places.PlaceCandidate;
import cn.civicloop.support.ApiTest;

/**
 * A post's place name is placed through the gazetteer when it matches surely: the post keeps the gazetteer's stored
 * point and the board's map shows it beside the topic's cases. A name the gazetteer does not know, a road as a whole
 * and an unreadable name give no point, and the post is stored all the same.
 */
class PostPlacesTests extends ApiTest {

    @Autowired
    TopicBoard board;
    @Autowired
    BoardFigures figures;
    @Autowired
    Gazetteer gazetteer;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aSurelyMatchedPlaceNameGivesThePostTheGazetteersPointOnTheBoardMap() {
        String officer = api.login("opinion");
        String code = "placed-" + Long.toString(System.nanoTime(), 36);
        assertThat(api.post("/api/v1/opinion/sources", officer,
                Map.of("code", code, "name", "地点测试", "kind", "IMPORT")).status()).isEqualTo(201);
        long source = jdbc.sql("select id from opinion_source where code = ?").param(code).query(Long.class).single();
        PlaceCandidate plate = gazetteer.geocode("广济路12号").candidates().get(0);
        assertThat(plate.confidence()).isGreaterThanOrEqualTo(gazetteer.highConfidence());

        String title = RunTexts.unique() + RunTexts.unique() + "广济路井盖破损无人修";
        Instant at = Instant.now().minusSeconds(600);
        // the same door written as residents write it; a name the gazetteer does not know; a whole road; one
        // character; none
        List<String> places = java.util.Arrays.asList("枣庄市市中区广济路十二号", "A3区联丰路米兰春天", "广济路", "路", null);
        List<IncomingPost> posts = new java.util.ArrayList<>();
        for (int i = 0; i < places.size(); i++) {
            posts.add(new IncomingPost(code + "-" + i, null, "网友" + i, title, "井盖破了好几天，晚上有人差点摔倒",
                    at.plusSeconds(i), 0, 0, 0, 0, places.get(i)));
        }
        TopicBoard.Outcome outcome = board.ingest(source, posts);
        assertThat(outcome.accepted()).isEqualTo(5);
        assertThat(outcome.topics()).hasSize(1);
        String topic = outcome.topics().get(0);

        List<Map<String, Object>> stored = jdbc.sql(
                "select external_id, place, lat, lon, place_label from opinion_post where source_id = ? order by external_id")
                .param(source).query().listOfRows();
        assertThat(stored).hasSize(5);
        assertThat(((Number) stored.get(0).get("lat")).doubleValue()).isEqualTo(plate.lat());
        assertThat(((Number) stored.get(0).get("lon")).doubleValue()).isEqualTo(plate.lon());
        assertThat(stored.get(0).get("place_label")).isEqualTo(plate.label());
        assertThat(stored.get(0).get("place")).isEqualTo("枣庄市市中区广济路十二号"); // the vendor's words are kept
        for (Map<String, Object> unplaced : stored.subList(1, 5)) {
            assertThat(unplaced.get("lat")).as(String.valueOf(unplaced.get("place"))).isNull();
            assertThat(unplaced.get("lon")).isNull();
        }
        assertThat(stored.get(1).get("place")).isEqualTo("A3区联丰路米兰春天");

        List<BoardFigures.Point> points = figures.points(List.of(board.topic(topic).orElseThrow()), 50);
        assertThat(points).containsExactly(new BoardFigures.Point(topic, BoardFigures.PointKind.POST, plate.label(),
                plate.lat(), plate.lon()));
    }

    @Test
    void aNameTwoPlacesAnswerEquallyWellIsNotGuessed() {
        // the same door twice in one batch is geocoded once and both posts get its point
        PostPlaces places = new PostPlaces(gazetteer);
        List<IncomingPost> batch = List.of(
                new IncomingPost("a", null, null, "t", "x", Instant.now(), 0, 0, 0, 0, "广济路12号"),
                new IncomingPost("b", null, null, "t", "x", Instant.now(), 0, 0, 0, 0, "广济路12号"),
                new IncomingPost("c", null, null, "t", "x", Instant.now(), 0, 0, 0, 0, "   "));
        Map<String, PostPlaces.Point> points = places.locate(batch);
        assertThat(points).containsOnlyKeys("广济路12号");

        // a gazetteer answering two different places with the same top confidence places nothing
        PlaceCandidate one = new PlaceCandidate("P1", "东方花园", cn.civicloop.places.PlaceLevel.PLACE, 34.8, 117.5,
                1.0, null, null);
        PlaceCandidate two = new PlaceCandidate("P2", "东方花园", cn.civicloop.places.PlaceLevel.PLACE, 34.9, 117.6,
                1.0, null, null);
        Gazetteer twice = new Gazetteer() {
            @Override
            public cn.civicloop.places.Geocoding geocode(String text) {
                return new cn.civicloop.places.Geocoding(text, true, List.of(one, two), null);
            }

            @Override
            public List<PlaceCandidate> suggest(String text, int limit) {
                return List.of();
            }

            @Override
            public java.util.Optional<cn.civicloop.places.NearbyPlace> reverse(cn.civicloop.geo.GeoPoint wgs84) {
                return java.util.Optional.empty();
            }

            @Override
            public double highConfidence() {
                return 0.85;
            }
        };
        assertThat(new PostPlaces(twice).locate("东方花园")).isEmpty();
    }
}
