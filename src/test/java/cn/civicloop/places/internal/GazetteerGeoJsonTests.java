package cn.civicloop.places.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gazetteer's GeoJSON form without a database: the generated demo gazetteer written as a FeatureCollection and
 * read back into an empty gazetteer gives the same elements (every column as the CSV file writes it, and the grid,
 * community and street each point lies in); what each element becomes (Point, LineString with its label point).
 */
class GazetteerGeoJsonTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static String write(List<Element> elements) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            GazetteerGeoJson.writeStart(g);
            elements.forEach(e -> GazetteerGeoJson.write(g, e));
            GazetteerGeoJson.writeEnd(g);
        }
        return out.toString();
    }

    private static ImportReader read(String geojson) {
        ImportReader reader = new ImportReader(DemoDistrict.areas(), code -> Optional.empty());
        reader.check(GazetteerGeoJson.rows(geojson, JSON, reader));
        return reader;
    }

    @Test
    void theDemoGazetteerWrittenAndReadBackIsTheSame() {
        List<Element> demo = DemoDistrict.demo();
        ImportReader reader = read(write(demo));
        assertThat(reader.problems).isEmpty();
        assertThat(reader.elements).hasSize(demo.size());
        for (int i = 0; i < demo.size(); i++) {
            Element before = demo.get(i);
            Element after = reader.elements.get(i);
            assertThat(GazetteerCsv.line(after)).isEqualTo(GazetteerCsv.line(before));
            assertThat(List.of(after.street(), after.community(), after.grid())).as(before.code())
                    .isEqualTo(List.of(before.street(), before.community(), before.grid()));
        }
    }

    @Test
    void aRoadIsALineWithItsLabelPointAndAnAddressAPoint() {
        List<Element> demo = DemoDistrict.demo();
        Element road = demo.stream().filter(e -> e.line() != null && !e.aliases().isEmpty()).findFirst()
                .orElse(demo.stream().filter(e -> e.line() != null).findFirst().orElseThrow());
        Element plate = demo.stream().filter(e -> road.code().equals(e.parent())).findFirst().orElseThrow();
        JsonNode features = JSON.readTree(write(List.of(road, plate))).get("features");
        JsonNode line = features.get(0);
        assertThat(line.get("id").asString()).isEqualTo(road.code());
        assertThat(line.get("geometry").get("type").asString()).isEqualTo("LineString");
        assertThat(line.get("geometry").get("coordinates").size()).isEqualTo(road.line().split(";").length);
        assertThat(line.get("properties").get("point").get(0).asDouble()).isCloseTo(road.lon(),
                org.assertj.core.data.Offset.offset(1e-6));
        assertThat(line.get("properties").has("aliases")).isEqualTo(!road.aliases().isEmpty());
        assertThat(line.get("properties").get("name").asString()).isEqualTo(road.name());
        JsonNode point = features.get(1);
        assertThat(point.get("geometry").get("type").asString()).isEqualTo("Point");
        assertThat(point.get("geometry").get("coordinates").get(1).asDouble()).isCloseTo(plate.lat(),
                org.assertj.core.data.Offset.offset(1e-6));
        assertThat(point.get("properties").get("parent").asString()).isEqualTo(road.code());
        assertThat(point.get("properties").has("point")).isFalse();

        // a road without properties.point takes the middle vertex of its line, a stored point
        String withoutPoint = write(List.of(road)).replaceAll(",\"point\":\\[[^\\]]*\\]", "");
        ImportReader reader = read(withoutPoint);
        assertThat(reader.problems).isEmpty();
        String[] vertices = road.line().split(";");
        String middle = vertices[vertices.length / 2];
        Element back = reader.elements.get(0);
        assertThat(String.format(java.util.Locale.ROOT, "%.6f %.6f", back.lon(), back.lat())).isEqualTo(middle);
    }

    @Test
    void whatCannotBeReadIsNamedByTheFeaturesIndex() {
        ImportReader reader = read("""
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","geometry":null,"properties":{"code":"A1","level":"ROAD","name":"甲路"}},
                 {"type":"Feature","geometry":{"type":"MultiPoint","coordinates":[[117.5,34.8]]},"properties":{"code":"A2"}},
                 {"type":"Feature","geometry":{"type":"LineString","coordinates":[[117.5,34.8]]},"properties":{"code":"A3"}},
                 {"type":"Feature","geometry":{"type":"Point","coordinates":[117.5,34.8]}},
                 {"type":"Thing"},
                 {"type":"Feature","geometry":{"type":"Point","coordinates":[117.5,34.8]},
                  "properties":{"code":"A6","level":"PLACE","kind":"PARK","name":"乙园","aliases":"丙园"}}
                ]}""");
        assertThat(reader.problems).extracting(ImportProblem::where).containsExactly("features[0]", "features[1]",
                "features[2]", "features[3]", "features[4]", "features[5]");
        assertThat(reader.problems).extracting(p -> p.reason().key()).containsExactly(
                "problem.places.geojson-geometry", "problem.places.geojson-geometry-kind",
                "problem.places.geojson-line", "problem.places.geojson-properties", "problem.places.geojson-feature",
                "problem.places.geojson-names");
        assertThat(reader.elements).isEmpty();

        ImportReader notACollection = read("[1, 2]");
        assertThat(notACollection.problems).extracting(ImportProblem::where).containsExactly("file");
    }
}
