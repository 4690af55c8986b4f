package cn.civicloop.geo.internal;

import cn.civicloop.geo.AreaLevel;
import cn.civicloop.geo.AreaRef;
import cn.civicloop.geo.GeoPoint;
import cn.civicloop.geo.Jurisdictions;
import cn.civicloop.geo.Placement;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/** {@link Jurisdictions} over the areas in a GeoJSON file, all held in memory: a district has a few hundred grids. */
@Component
@EnableConfigurationProperties(GeoProperties.class)
class GeoJsonJurisdictions implements Jurisdictions {

    private static final Logger log = LoggerFactory.getLogger(GeoJsonJurisdictions.class);

    // About 1 m: wider than rounding slivers between neighbours, far narrower than any real grid.
    private static final double SLIVER_DEGREES = 1e-5;

    private final AreaHierarchy hierarchy;
    private final GridIndex grids;
    private final PreparedGeometry district;
    private final Map<AreaLevel, String> geoJsonByLevel = new EnumMap<>(AreaLevel.class);

    @Autowired
    GeoJsonJurisdictions(GeoProperties settings) {
        this(settings.areas());
    }

    GeoJsonJurisdictions(Resource areas) {
        this.hierarchy = AreaFileReader.read(areas);
        this.grids = new GridIndex(hierarchy.ofLevel(AreaLevel.GRID));
        this.district = PreparedGeometryFactory.prepare(hierarchy.district().geometry());
        for (AreaLevel level : AreaLevel.values()) {
            geoJsonByLevel.put(level, AreaGeoJson.featureCollection(hierarchy.ofLevel(level)));
        }
        log.info("Loaded {} from {}: {} streets, {} communities, {} grids{}", hierarchy.district().describe(),
                areas.getDescription(), hierarchy.ofLevel(AreaLevel.STREET).size(),
                hierarchy.ofLevel(AreaLevel.COMMUNITY).size(), hierarchy.ofLevel(AreaLevel.GRID).size(),
                hierarchy.district().demo() ? " (generated DEMO boundaries, not real ones)" : "");
    }

    @Override
    public Optional<Placement> locate(GeoPoint wgs84) {
        Point point = point(wgs84);
        return grids.gridAt(point)
                .or(() -> district.covers(point) ? grids.nearestGrid(point, SLIVER_DEGREES) : Optional.empty())
                .map(this::placement);
    }

    @Override
    public boolean withinDistrict(GeoPoint wgs84) {
        return district.covers(point(wgs84));
    }

    @Override
    public String geoJson(AreaLevel level) {
        return geoJsonByLevel.get(level);
    }

    @Override
    public List<AreaRef> areas(AreaLevel level) {
        return hierarchy.ofLevel(level).stream().map(AreaPolygon::ref).toList();
    }

    private Placement placement(AreaPolygon grid) {
        AreaPolygon community = hierarchy.parentOf(grid);
        AreaPolygon street = hierarchy.parentOf(community);
        return new Placement(street.ref(), community.ref(), grid.ref());
    }

    private static Point point(GeoPoint p) {
        return GeoJsonGeometry.FACTORY.createPoint(new Coordinate(p.lon(), p.lat()));
    }
}
