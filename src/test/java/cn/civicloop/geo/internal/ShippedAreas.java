package cn.civicloop.geo.internal;

import org.locationtech.jts.geom.Geometry;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

/** The demo district file as the application ships it, loaded once for all tests. */
final class ShippedAreas {

    static final Resource FILE = new ClassPathResource("geo/demo-district.geojson");
    static final AreaHierarchy HIERARCHY = AreaFileReader.read(FILE);

    // Square metres per square degree at the district's latitude (34.87° N), so tolerances read as areas on the ground.
    private static final double M2_PER_DEG2 = 111_320.0 * 111_320.0 * Math.cos(Math.toRadians(34.87));

    private ShippedAreas() {
    }

    static double squareMetres(Geometry g) {
        return g.getArea() * M2_PER_DEG2;
    }
}
