package cn.civicloop.geo.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import cn.civicloop.geo.ChinaDatum;
import cn.civicloop.geo.GeoPoint;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo outline must sit where the real 市中区 is, or every real address would locate wrongly in a demo. The real
 * outline lives outside the repository (GCJ-02, a JSON array holding one Feature); it is present wherever the project
 * is built, so its absence is a broken checkout and fails rather than skips.
 */
class RealOutlineTest {

    private static final Path REAL_OUTLINE = Path.of("../shared/datasets/geo/370402.json");

    @Test
    void theDemoOutlineCoversTheRealDistrictAndLittleElse() throws Exception {
        if (!Files.isRegularFile(REAL_OUTLINE)) {
            fail("The real outline of 市中区 is missing: expected " + REAL_OUTLINE.toAbsolutePath().normalize()
                    + " (shared/datasets/geo/370402.json beside the project folder)");
        }
        JsonNode features = JsonMapper.builder().build().readTree(REAL_OUTLINE.toFile());
        assertThat(features.isArray() && features.size() == 1).as("one Feature in a JSON array").isTrue();
        Geometry real = GeoJsonGeometry.parse(features.get(0).path("geometry"));
        real.apply(new Gcj02ToWgs84());
        real.geometryChanged();
        Geometry demo = ShippedAreas.HIERARCHY.district().geometry();

        double shared = demo.intersection(real).getArea();
        assertThat(shared / real.getArea()).as("share of the real district inside the demo outline").isGreaterThan(0.85);
        assertThat(shared / demo.getArea()).as("share of the demo outline inside the real district").isGreaterThan(0.85);
    }

    /** Both outlines must be compared in one datum; converting the real one also exercises ChinaDatum on real data. */
    private static final class Gcj02ToWgs84 implements CoordinateSequenceFilter {

        @Override
        public void filter(CoordinateSequence seq, int i) {
            GeoPoint wgs = ChinaDatum.gcj02ToWgs84(new GeoPoint(seq.getY(i), seq.getX(i)));
            seq.setOrdinate(i, CoordinateSequence.X, wgs.lon());
            seq.setOrdinate(i, CoordinateSequence.Y, wgs.lat());
        }

        @Override
        public boolean isDone() {
            return false;
        }

        @Override
        public boolean isGeometryChanged() {
            return true;
        }
    }
}
