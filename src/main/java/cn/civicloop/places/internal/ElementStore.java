package cn.civicloop.places.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import cn.civicloop.places.PlaceLevel;

/** The gazetteer's tables: elements written in batches, and the history of changes. */
@Repository
class ElementStore {

    private static final String COLUMNS = "code, level, kind, parent_code, name, aliases, former_names, lat, lon, line,"
            + " street_code, community_code, grid_code";
    private static final int BATCH = 1000;

    private final JdbcTemplate jdbc;

    ElementStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean empty() {
        return jdbc.queryForObject("select count(*) from places_element", Long.class) == 0;
    }

    Map<String, Long> countsByLevel() {
        var counts = new java.util.TreeMap<String, Long>();
        jdbc.query("select level, count(*) from places_element group by level",
                rs -> { counts.put(rs.getString(1), rs.getLong(2)); });
        return counts;
    }

    /** Every element, streamed in code order (the index and the export read all of them). */
    void forEach(Consumer<Element> each) {
        jdbc.query("select " + COLUMNS + " from places_element order by code", rs -> {
            each.accept(row(rs));
        });
    }

    List<Element> all() {
        List<Element> all = new ArrayList<>();
        forEach(all::add);
        return all;
    }

    /** The stored elements among {@code codes} (for an import to tell new from changed). */
    Map<String, Element> existing(Collection<String> codes) {
        Map<String, Element> found = new java.util.HashMap<>();
        List<String> list = List.copyOf(codes);
        for (int from = 0; from < list.size(); from += BATCH) {
            List<String> part = list.subList(from, Math.min(list.size(), from + BATCH));
            String marks = String.join(",", java.util.Collections.nCopies(part.size(), "?"));
            jdbc.query("select " + COLUMNS + " from places_element where code in (" + marks + ")",
                    rs -> { Element e = row(rs); found.put(e.code(), e); }, part.toArray());
        }
        return found;
    }

    void insert(List<Element> elements, Instant at, String by) {
        for (int from = 0; from < elements.size(); from += BATCH) {
            List<Object[]> rows = elements.subList(from, Math.min(elements.size(), from + BATCH)).stream()
                    .map(e -> values(e, at, by)).toList();
            jdbc.batchUpdate("insert into places_element (" + COLUMNS + ", updated_at, updated_by)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        }
    }

    void update(List<Element> elements, Instant at, String by) {
        for (int from = 0; from < elements.size(); from += BATCH) {
            List<Object[]> rows = elements.subList(from, Math.min(elements.size(), from + BATCH)).stream()
                    .map(e -> {
                        Object[] v = values(e, at, by);
                        Object[] shifted = Arrays.copyOf(Arrays.copyOfRange(v, 1, v.length), v.length);
                        shifted[v.length - 1] = e.code();
                        return shifted;
                    }).toList();
            jdbc.batchUpdate("update places_element set level = ?, kind = ?, parent_code = ?, name = ?, aliases = ?,"
                    + " former_names = ?, lat = ?, lon = ?, line = ?, street_code = ?, community_code = ?,"
                    + " grid_code = ?, updated_at = ?, updated_by = ? where code = ?", rows);
        }
    }

    /** One history row per change: {@code before}/{@code after} are CSV lines of the row (null when absent). */
    void recordChanges(List<Change> changes, Instant at, String by) {
        for (int from = 0; from < changes.size(); from += BATCH) {
            List<Object[]> rows = changes.subList(from, Math.min(changes.size(), from + BATCH)).stream()
                    .map(c -> new Object[] { c.code(), c.action(), c.before(), c.after(), c.reason(),
                            Timestamp.from(at), by })
                    .toList();
            jdbc.batchUpdate("insert into places_change (code, action, before_row, after_row, reason, changed_at,"
                    + " changed_by) values (?, ?, ?, ?, ?, ?, ?)", rows);
        }
    }

    /** The latest changes, newest first (keyset on id, bounded). */
    List<Change.Recorded> recentChanges(int limit) {
        return jdbc.query("select id, code, action, before_row, after_row, reason, changed_at, changed_by"
                + " from places_change order by id desc fetch first ? rows only",
                (rs, n) -> new Change.Recorded(rs.getLong(1), new Change(rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6)), rs.getTimestamp(7).toInstant(),
                        rs.getString(8)), limit);
    }

    /** The history of one element, newest first. */
    List<Change.Recorded> history(String code) {
        return jdbc.query("select id, code, action, before_row, after_row, reason, changed_at, changed_by"
                + " from places_change where code = ? order by id desc fetch first 100 rows only",
                (rs, n) -> new Change.Recorded(rs.getLong(1), new Change(rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6)), rs.getTimestamp(7).toInstant(),
                        rs.getString(8)), code);
    }

    private static Object[] values(Element e, Instant at, String by) {
        return new Object[] { e.code(), e.level().name(), e.kind(), e.parent(), e.name(), join(e.aliases()),
                join(e.formerNames()), e.lat(), e.lon(), e.line(), e.street(), e.community(), e.grid(),
                Timestamp.from(at), by };
    }

    private static String join(List<String> names) {
        return names.isEmpty() ? null : String.join("|", names);
    }

    private static List<String> split(String names) {
        return names == null || names.isBlank() ? List.of() : List.of(names.split("\\|"));
    }

    private static Element row(ResultSet rs) throws SQLException {
        return new Element(rs.getString(1), PlaceLevel.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                rs.getString(5), split(rs.getString(6)), split(rs.getString(7)), rs.getDouble(8), rs.getDouble(9),
                rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13));
    }
}
