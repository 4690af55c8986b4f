package cn.civicloop.geo.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

/** A broken areas file must stop the application with a message that leads to the broken feature. */
class AreaFileReaderTest {

    static final String SQUARE = "[[[117.50,34.80],[117.60,34.80],[117.60,34.90],[117.50,34.90],[117.50,34.80]]]";
    private static final String DISTRICT = feature("370402", "市中区", "DISTRICT", null, SQUARE);
    private static final String STREET = feature("370402001", "中心街道", "STREET", "370402", SQUARE);
    private static final String COMMUNITY = feature("370402001001", "建华社区", "COMMUNITY", "370402001", SQUARE);
    private static final String GRID = feature("37040200100101", "建华社区第1网格", "GRID", "370402001001", SQUARE);

    @Test
    void aWellFormedMinimalFileLoads() {
        AreaHierarchy hierarchy = AreaFileReader.read(file(DISTRICT, STREET, COMMUNITY, GRID));
        assertThat(hierarchy.district().ref().name()).isEqualTo("市中区");
        assertThat(hierarchy.district().demo()).isFalse();
    }

    @Test
    void aGridWhoseCommunityIsMissingIsRefusedNamingBoth() {
        assertThatIllegalStateException().isThrownBy(() -> AreaFileReader.read(file(DISTRICT, STREET, GRID)))
                .withMessageContaining("test areas").withMessageContaining("civicloop.geo.areas")
                .withMessageContaining("grid 37040200100101")
                .withMessageContaining("community 370402001001, which is not in the file");
    }

    @Test
    void aParentOfTheWrongLevelIsRefused() {
        String gridUnderStreet = feature("37040200101", "网格", "GRID", "370402001", SQUARE);
        assertThatIllegalStateException()
                .isThrownBy(() -> AreaFileReader.read(file(DISTRICT, STREET, gridUnderStreet)))
                .withMessageContaining("must have a COMMUNITY as parent");
    }

    @Test
    void aChildOutsideItsParentIsRefused() {
        String farAway = "[[[118.50,35.80],[118.60,35.80],[118.60,35.90],[118.50,35.80]]]";
        String lostGrid = feature("37040200100101", "建华社区第1网格", "GRID", "370402001001", farAway);
        assertThatIllegalStateException()
                .isThrownBy(() -> AreaFileReader.read(file(DISTRICT, STREET, COMMUNITY, lostGrid)))
                .withMessageContaining("grid 37040200100101").withMessageContaining("outside its parent");
    }

    @Test
    void duplicateCodesAreRefused() {
        assertThatIllegalStateException().isThrownBy(() -> AreaFileReader.read(file(DISTRICT, STREET, STREET, COMMUNITY, GRID)))
                .withMessageContaining("370402001 is used twice");
    }

    @Test
    void aSelfIntersectingPolygonIsRefused() {
        String bowTie = "[[[117.50,34.80],[117.60,34.90],[117.60,34.80],[117.50,34.90],[117.50,34.80]]]";
        assertThatIllegalStateException()
                .isThrownBy(() -> AreaFileReader.read(file(feature("370402", "市中区", "DISTRICT", null, bowTie), GRID)))
                .withMessageContaining("feature #0").withMessageContaining("invalid polygon");
    }

    @Test
    void latitudeLongitudeOrderIsRefused() {
        String swapped = "[[[34.80,117.50],[34.80,117.60],[34.90,117.60],[34.80,117.50]]]";
        assertThatIllegalStateException()
                .isThrownBy(() -> AreaFileReader.read(file(feature("370402", "市中区", "DISTRICT", null, swapped))))
                .withMessageContaining("is not [lon, lat]");
    }

    @Test
    void anUnknownLevelNonJsonAndAMissingFileAreRefused() {
        assertThatIllegalStateException()
                .isThrownBy(() -> AreaFileReader.read(file(feature("370402", "市中区", "CITY", null, SQUARE))))
                .withMessageContaining("level must be one of");
        assertThatIllegalStateException()
                .isThrownBy(() -> AreaFileReader.read(new ByteArrayResource("{not json".getBytes(StandardCharsets.UTF_8))))
                .withMessageContaining("is not valid JSON");
        assertThatIllegalStateException()
                .isThrownBy(() -> AreaFileReader.read(new ClassPathResource("geo/no-such-file.geojson")))
                .withMessageContaining("no-such-file.geojson").withMessageContaining("cannot be read");
    }

    static Resource file(String... features) {
        String json = "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
        return new ByteArrayResource(json.getBytes(StandardCharsets.UTF_8), "test areas");
    }

    static String feature(String code, String name, String level, String parent, String rings) {
        return "{\"type\":\"Feature\",\"properties\":{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"level\":\""
                + level + "\",\"parent\":" + (parent == null ? "null" : "\"" + parent + "\"")
                + "},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":" + rings + "}}";
    }
}
