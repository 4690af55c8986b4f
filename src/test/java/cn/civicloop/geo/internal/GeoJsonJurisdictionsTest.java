package cn.civicloop.geo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civicloop.geo.AreaLevel;
import cn.civicloop.geo.AreaRef;
import cn.civicloop.geo.ChinaDatum;
import cn.civicloop.geo.Datum;
import cn.civicloop.geo.GeoPoint;
import cn.civicloop.geo.Placement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class GeoJsonJurisdictionsTest {

    private final GeoJsonJurisdictions jurisdictions = new GeoJsonJurisdictions(ShippedAreas.FILE);
    private final AreaHierarchy areas = ShippedAreas.HIERARCHY;

    @Test
    void aPointInsideAGridGetsThatGridWithItsCommunityAndStreet() {
        for (AreaPolygon grid : areas.ofLevel(AreaLevel.GRID)) {
            Point inside = grid.geometry().getInteriorPoint();
            Optional<Placement> placement = jurisdictions.locate(new GeoPoint(inside.getY(), inside.getX()));

            AreaPolygon community = areas.parentOf(grid);
            assertThat(placement).as(grid.describe())
                    .contains(new Placement(areas.parentOf(community).ref(), community.ref(), grid.ref()));
        }
    }

    @Test
    void theDistrictSeatLiesInTheCentralStreet() {
        GeoPoint seat = ChinaDatum.toWgs84(new GeoPoint(34.8567, 117.5573), Datum.GCJ02);
        assertThat(jurisdictions.withinDistrict(seat)).isTrue();
        assertThat(jurisdictions.locate(seat)).map(Placement::street)
                .contains(new AreaRef("370402001", "中心街道", AreaLevel.STREET));
    }

    @Test
    void pointsOutsideTheDistrictAreNowhere() {
        List<GeoPoint> outside = List.of(
                new GeoPoint(34.79, 117.26),   // 薛城区, the next district west
                new GeoPoint(34.99, 117.60),   // just north of the outline
                new GeoPoint(39.90, 116.40));  // Beijing
        for (GeoPoint point : outside) {
            assertThat(jurisdictions.locate(point)).as("%s", point).isEmpty();
            assertThat(jurisdictions.withinDistrict(point)).as("%s", point).isFalse();
        }
    }

    @Test
    void aPointOnABoundaryBetweenGridsGetsOneOfThemAndAlwaysTheSame() {
        AreaPolygon grid = areas.ofLevel(AreaLevel.GRID).get(0);
        AreaPolygon neighbour = areas.ofLevel(AreaLevel.GRID).stream()
                .filter(g -> g != grid && g.geometry().intersection(grid.geometry()).getLength() > 0)
                .findFirst().orElseThrow();
        Coordinate[] sharedEdge = grid.geometry().intersection(neighbour.geometry()).getCoordinates();
        List<GeoPoint> onBoundary = List.of(
                new GeoPoint(sharedEdge[0].y, sharedEdge[0].x),
                new GeoPoint((sharedEdge[0].y + sharedEdge[1].y) / 2, (sharedEdge[0].x + sharedEdge[1].x) / 2));
        for (GeoPoint point : onBoundary) {
            Optional<Placement> first = jurisdictions.locate(point);
            assertThat(first).as("%s on the edge of %s and %s", point, grid.describe(), neighbour.describe())
                    .isPresent();
            assertThat(jurisdictions.locate(point)).isEqualTo(first);
        }
        GeoPoint midEdge = onBoundary.get(1);
        assertThat(jurisdictions.locate(midEdge).orElseThrow().grid().code()).isIn(grid.code(), neighbour.code());
    }

    @Test
    void areasAreListedByLevelInCodeOrder() {
        assertThat(jurisdictions.areas(AreaLevel.DISTRICT))
                .containsExactly(new AreaRef("370402", "市中区", AreaLevel.DISTRICT));
        assertThat(jurisdictions.areas(AreaLevel.STREET)).hasSize(11).extracting(AreaRef::code).isSorted();
        assertThat(jurisdictions.areas(AreaLevel.GRID)).hasSize(areas.ofLevel(AreaLevel.GRID).size())
                .allMatch(a -> a.level() == AreaLevel.GRID);
    }

    @Test
    void geoJsonOfALevelHasEveryAreaWithTheDocumentedProperties() {
        JsonNode collection = JsonMapper.builder().build().readTree(jurisdictions.geoJson(AreaLevel.COMMUNITY));
        assertThat(collection.path("type").asString()).isEqualTo("FeatureCollection");
        JsonNode features = collection.path("features");
        assertThat(features.size()).isEqualTo(jurisdictions.areas(AreaLevel.COMMUNITY).size());
        for (JsonNode feature : features) {
            JsonNode properties = feature.path("properties");
            assertThat(properties.propertyNames()).containsExactly("code", "name", "level", "parent", "demo");
            assertThat(properties.path("level").asString()).isEqualTo("COMMUNITY");
            assertThat(properties.path("code").asString()).startsWith(properties.path("parent").asString());
            assertThat(properties.path("demo").asBoolean()).isTrue();
            // lon/lat order: the first ordinate is a longitude near 117.6, the second a latitude near 34.9.
            JsonNode position = feature.at("/geometry/coordinates/0/0");
            assertThat(position.get(0).asDouble()).isBetween(117.4, 117.8);
            assertThat(position.get(1).asDouble()).isBetween(34.7, 35.0);
        }
        assertThat(JsonMapper.builder().build().readTree(jurisdictions.geoJson(AreaLevel.DISTRICT))
                .at("/features/0/properties/parent").isNull()).isTrue();
    }

    @Test
    void aPointInARoundingSliverBetweenGridsGetsTheNearestGridButOnlyInsideTheDistrict() {
        // Two grids 2e-6° (about 0.2 m) apart, as rounding can leave them in a hand-edited or real-world file.
        String west = "[[[117.50,34.80],[117.55,34.80],[117.55,34.90],[117.50,34.90],[117.50,34.80]]]";
        String east = "[[[117.550002,34.80],[117.60,34.80],[117.60,34.90],[117.550002,34.90],[117.550002,34.80]]]";
        GeoJsonJurisdictions withSliver = new GeoJsonJurisdictions(AreaFileReaderTest.file(
                AreaFileReaderTest.feature("370402", "市中区", "DISTRICT", null, AreaFileReaderTest.SQUARE),
                AreaFileReaderTest.feature("370402001", "中心街道", "STREET", "370402", AreaFileReaderTest.SQUARE),
                AreaFileReaderTest.feature("370402001001", "建华社区", "COMMUNITY", "370402001", AreaFileReaderTest.SQUARE),
                AreaFileReaderTest.feature("37040200100101", "西网格", "GRID", "370402001001", west),
                AreaFileReaderTest.feature("37040200100102", "东网格", "GRID", "370402001001", east)));

        assertThat(withSliver.locate(new GeoPoint(34.85, 117.5500015))).map(p -> p.grid().name()).contains("东网格");
        assertThat(withSliver.locate(new GeoPoint(34.85, 117.5500004))).map(p -> p.grid().name()).contains("西网格");
        // Half a metre outside the district is outside, however close the nearest grid.
        assertThat(withSliver.locate(new GeoPoint(34.85, 117.499995))).isEmpty();
    }
}
