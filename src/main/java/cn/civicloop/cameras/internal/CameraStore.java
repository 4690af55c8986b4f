package cn.civicloop.cameras.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.civicloop.cameras.CameraStatus;

/** {@code cameras_camera} and its history. */
@Repository
public class CameraStore {

    /** A change of the registry: who, when, what it was and what it became, why. */
    public record Change(Instant at, String actor, String code, String action, String before, String after, String reason) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    CameraStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    long count() {
        return jdbc.sql("select count(*) from cameras_camera").query(Long.class).single();
    }

    Map<String, Camera> existing(Collection<String> codes) {
        Map<String, Camera> found = new HashMap<>();
        List<String> all = new ArrayList<>(codes);
        for (int from = 0; from < all.size(); from += 500) {
            List<String> part = all.subList(from, Math.min(all.size(), from + 500));
            jdbc.sql("select * from cameras_camera where code in (:codes)").param("codes", part)
                    .query(CameraStore::row).list().forEach(c -> found.put(c.code(), c));
        }
        return found;
    }

    void insert(List<Camera> cameras, Instant at) {
        template.batchUpdate("""
                insert into cameras_camera (code, name, lat, lon, owner, status, kind, changed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", cameras, 500, (ps, c) -> {
            ps.setString(1, c.code());
            ps.setString(2, c.name());
            ps.setDouble(3, c.lat());
            ps.setDouble(4, c.lon());
            ps.setString(5, c.owner());
            ps.setString(6, c.status().name());
            ps.setString(7, c.kind());
            ps.setTimestamp(8, Timestamp.from(at));
        });
    }

    void update(List<Camera> cameras, Instant at) {
        template.batchUpdate("""
                update cameras_camera set name = ?, lat = ?, lon = ?, owner = ?, status = ?, kind = ?, changed_at = ?
                where code = ?""", cameras, 500, (ps, c) -> {
            ps.setString(1, c.name());
            ps.setDouble(2, c.lat());
            ps.setDouble(3, c.lon());
            ps.setString(4, c.owner());
            ps.setString(5, c.status().name());
            ps.setString(6, c.kind());
            ps.setTimestamp(7, Timestamp.from(at));
            ps.setString(8, c.code());
        });
    }

    void history(List<Change> changes) {
        template.batchUpdate("""
                insert into cameras_camera_history (code, at, actor, action, before_value, after_value, reason)
                values (?, ?, ?, ?, ?, ?, ?)""", changes, 500, (ps, c) -> {
            ps.setString(1, c.code());
            ps.setTimestamp(2, Timestamp.from(c.at()));
            ps.setString(3, c.actor());
            ps.setString(4, c.action());
            ps.setString(5, c.before());
            ps.setString(6, c.after());
            ps.setString(7, c.reason());
        });
    }

    List<Change> changes(String code, int limit) {
        String where = code == null ? "" : "where code = :code ";
        var spec = jdbc.sql("select * from cameras_camera_history " + where
                + "order by at desc, id desc fetch first :limit rows only").param("limit", limit);
        if (code != null) {
            spec = spec.param("code", code);
        }
        return spec.query((rs, n) -> new Change(rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                rs.getString("code"), rs.getString("action"), rs.getString("before_value"),
                rs.getString("after_value"), rs.getString("reason"))).list();
    }

    /** Every camera in code order, streamed (the whole registry may be large). */
    void each(Consumer<Camera> each) {
        template.query("select * from cameras_camera order by code", rs -> {
            each.accept(row(rs, 0));
        });
    }

    /** A page of the list, filtered; null filters mean any. */
    List<Camera> list(String text, CameraStatus status, String kind, String owner, int offset, int limit) {
        StringBuilder sql = new StringBuilder("select * from cameras_camera where 1 = 1");
        Map<String, Object> p = new HashMap<>();
        if (text != null) {
            sql.append(" and (lower(code) like :text or lower(name) like :text)");
            p.put("text", "%" + text.toLowerCase(java.util.Locale.ROOT).replace("%", "").replace("_", "") + "%");
        }
        if (status != null) {
            sql.append(" and status = :status");
            p.put("status", status.name());
        }
        if (kind != null) {
            sql.append(" and kind = :kind");
            p.put("kind", kind);
        }
        if (owner != null) {
            sql.append(" and owner = :owner");
            p.put("owner", owner);
        }
        sql.append(" order by code offset :offset rows fetch first :limit rows only");
        p.put("offset", offset);
        p.put("limit", limit);
        return jdbc.sql(sql.toString()).params(p).query(CameraStore::row).list();
    }

    List<String> kinds() {
        return jdbc.sql("select distinct kind from cameras_camera order by kind").query(String.class).list();
    }

    List<String> owners() {
        return jdbc.sql("select distinct owner from cameras_camera order by owner").query(String.class).list();
    }

    Map<CameraStatus, Long> countsByStatus() {
        Map<CameraStatus, Long> counts = new java.util.EnumMap<>(CameraStatus.class);
        jdbc.sql("select status, count(*) from cameras_camera group by status")
                .query(rs -> {
                    counts.put(CameraStatus.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return counts;
    }

    static Camera row(ResultSet rs, int n) throws SQLException {
        return new Camera(rs.getString("code"), rs.getString("name"), rs.getDouble("lat"), rs.getDouble("lon"),
                rs.getString("owner"), CameraStatus.valueOf(rs.getString("status")), rs.getString("kind"));
    }
}
