package cn.civicloop.geo.internal;

import static cn.civicloop.geo.internal.ShippedAreas.HIERARCHY;
import static cn.civicloop.geo.internal.ShippedAreas.squareMetres;
import static org.assertj.core.api.Assertions.assertThat;

import cn.civicloop.geo.AreaLevel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/** The generated demo district keeps the promises the generator makes about its shape. */
class ShippedAreasTest {

    // The generator makes an exact tessellation, so only floating-point noise in the overlay is tolerated.
    private static final double NOISE_M2 = 0.01;

    @Test
    void theDistrictHasItsElevenStreetsAndTowns() {
        assertThat(HIERARCHY.ofLevel(AreaLevel.STREET)).extracting(a -> a.ref().name()).containsExactlyInAnyOrder(
                "中心街道", "垎塘街道", "矿区街道", "文化路街道", "龙山路街道", "光明路街道",
                "税郭镇", "孟庄镇", "齐村镇", "永安镇", "西王庄镇");
        assertThat(HIERARCHY.district().ref().code()).isEqualTo("370402");
        assertThat(squareMetres(HIERARCHY.district().geometry()) / 1e6).isBetween(330.0, 420.0);
    }

    @Test
    void everyAreaIsMarkedAsDemoData() {
        for (AreaLevel level : AreaLevel.values()) {
            assertThat(HIERARCHY.ofLevel(level)).allMatch(AreaPolygon::demo, "demo: true");
        }
    }

    @Test
    void exteriorRingsRunCounterClockwiseAsRfc7946Asks() {
        for (AreaLevel level : AreaLevel.values()) {
            for (AreaPolygon area : HIERARCHY.ofLevel(level)) {
                for (int i = 0; i < area.geometry().getNumGeometries(); i++) {
                    Polygon part = (Polygon) area.geometry().getGeometryN(i);
                    assertThat(Orientation.isCCW(part.getExteriorRing().getCoordinateSequence())).as(area.describe()).isTrue();
                }
            }
        }
    }

    @Test
    void everyAreaLiesInsideItsParent() {
        for (AreaLevel level : List.of(AreaLevel.STREET, AreaLevel.COMMUNITY, AreaLevel.GRID)) {
            for (AreaPolygon area : HIERARCHY.ofLevel(level)) {
                Geometry outside = area.geometry().difference(HIERARCHY.parentOf(area).geometry());
                assertThat(squareMetres(outside)).as("%s outside its parent", area.describe()).isLessThan(NOISE_M2);
            }
        }
    }

    @Test
    void noTwoGridsOverlap() {
        List<AreaPolygon> grids = HIERARCHY.ofLevel(AreaLevel.GRID);
        int neighbours = 0;
        for (int i = 0; i < grids.size(); i++) {
            for (int j = i + 1; j < grids.size(); j++) {
                Geometry a = grids.get(i).geometry();
                Geometry b = grids.get(j).geometry();
                if (a.getEnvelopeInternal().intersects(b.getEnvelopeInternal()) && a.intersects(b)) {
                    neighbours++;
                    assertThat(squareMetres(a.intersection(b))).as("%s and %s overlap",
                            grids.get(i).describe(), grids.get(j).describe()).isLessThan(NOISE_M2);
                }
            }
        }
        assertThat(neighbours).as("grids that touch, so the check above checked something").isGreaterThan(grids.size());
    }

    @Test
    void theGridsTogetherCoverTheWholeDistrict() {
        List<Geometry> shapes = new ArrayList<>();
        HIERARCHY.ofLevel(AreaLevel.GRID).forEach(g -> shapes.add(g.geometry()));
        Geometry district = HIERARCHY.district().geometry();
        Geometry uncovered = district.difference(UnaryUnionOp.union(shapes));
        assertThat(squareMetres(uncovered)).isLessThan(100 * NOISE_M2);
    }

    @Test
    void streetsHaveFiveToTenCommunitiesAndCommunitiesTwoToFourGrids() {
        for (AreaPolygon street : HIERARCHY.ofLevel(AreaLevel.STREET)) {
            List<AreaPolygon> communities = childrenOf(street, AreaLevel.COMMUNITY);
            boolean town = street.ref().name().endsWith("镇");
            assertThat(communities).as(street.describe()).hasSizeBetween(town ? 6 : 5, town ? 10 : 8);
            assertThat(communities).allMatch(c -> c.ref().name().endsWith(town ? "村" : "社区"), "named 村 or 社区");
            for (AreaPolygon community : communities) {
                assertThat(childrenOf(community, AreaLevel.GRID)).as(community.describe()).hasSizeBetween(2, 4);
            }
        }
    }

    @Test
    void codesFollowTheNestedLayoutAndNamesAreUnique() {
        assertThat(HIERARCHY.ofLevel(AreaLevel.STREET)).allMatch(a -> a.code().matches("370402\\d{3}"));
        assertThat(HIERARCHY.ofLevel(AreaLevel.COMMUNITY)).allMatch(a -> a.code().matches("370402\\d{6}"));
        assertThat(HIERARCHY.ofLevel(AreaLevel.GRID)).allMatch(a -> a.code().matches("370402\\d{8}"));
        assertThat(HIERARCHY.ofLevel(AreaLevel.COMMUNITY)).extracting(a -> a.ref().name()).doesNotHaveDuplicates();
        assertThat(HIERARCHY.ofLevel(AreaLevel.GRID)).extracting(a -> a.ref().name()).doesNotHaveDuplicates()
                .allMatch(name -> name.matches(".+(社区|村)第[1-4]网格"));
    }

    private static List<AreaPolygon> childrenOf(AreaPolygon parent, AreaLevel level) {
        return HIERARCHY.ofLevel(level).stream().filter(a -> parent.code().equals(a.parentCode())).toList();
    }
}
