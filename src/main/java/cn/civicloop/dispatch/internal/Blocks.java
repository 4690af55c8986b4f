package cn.civicloop.dispatch.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.io.WKTWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.civicloop.geo.GeoPoint;

/** The blocks in the database, kept in memory once read: they change only when the plan is re-seeded. */
@Component
public class Blocks {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private final JdbcClient jdbc;
    private volatile List<Block> cache;

    Blocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Block> all() {
        List<Block> c = cache;
        if (c == null) {
            c = jdbc.sql("select code, name, street_code, outline, post_lat, post_lon, post_name from dispatch_block order by code")
                    .query((rs, n) -> new Block(rs.getString("code"), rs.getString("name"), rs.getString("street_code"),
                            read(rs.getString("outline")), new GeoPoint(rs.getDouble("post_lat"), rs.getDouble("post_lon")),
                            rs.getString("post_name"))).list();
            if (!c.isEmpty()) {
                cache = c;
            }
        }
        return c;
    }

    public Optional<Block> get(String code) {
        return all().stream().filter(b -> b.code().equals(code)).findFirst();
    }

    /** The block containing the point; a point outside every block belongs to the nearest one (within 2 km). */
    public Optional<Block> at(GeoPoint p) {
        var point = GEOMETRY.createPoint(new Coordinate(p.lon(), p.lat()));
        Block nearest = null;
        double best = Double.MAX_VALUE;
        for (Block b : all()) {
            if (b.outline().covers(point)) {
                return Optional.of(b);
            }
            double d = b.outline().distance(point);
            if (d < best) {
                best = d;
                nearest = b;
            }
        }
        return best < 0.02 ? Optional.ofNullable(nearest) : Optional.empty();
    }

    /** Blocks sharing a border with the block (the ones that send backup first). */
    public Set<String> neighbours(String code) {
        Set<String> out = new TreeSet<>();
        get(code).ifPresent(b -> all().stream().filter(o -> !o.code().equals(code))
                .filter(o -> o.outline().distance(b.outline()) < 0.0005).forEach(o -> out.add(o.code())));
        return out;
    }

    void save(List<Block> blocks) {
        WKTWriter wkt = new WKTWriter();
        for (Block b : blocks) {
            jdbc.sql("insert into dispatch_block (code, name, street_code, outline, post_lat, post_lon, post_name) "
                    + "values (?, ?, ?, ?, ?, ?, ?)").params(b.code(), b.name(), b.streetCode(), wkt.write(b.outline()),
                            b.post().lat(), b.post().lon(), b.postName()).update();
        }
        cache = null;
    }

    private static org.locationtech.jts.geom.Geometry read(String wkt) {
        try {
            return new WKTReader(GEOMETRY).read(wkt);
        } catch (ParseException e) {
            throw new IllegalStateException("unreadable block outline", e);
        }
    }
}
