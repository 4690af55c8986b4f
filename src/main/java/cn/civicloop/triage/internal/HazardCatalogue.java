package cn.civicloop.triage.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.PatternSyntaxException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import cn.civicloop.cases.Urgency;
import cn.civicloop.cluster.ReferenceChanges;
import cn.civicloop.shared.ReferenceCache;
import cn.civicloop.triage.HazardLevel;
import cn.civicloop.triage.RoutingCatalogue.HazardRule;

/**
 * The hazard and linkage rules of the routing catalogue in the database, in the catalogue's one history, and
 * compiled in memory for every appeal (dropped on every instance when any instance changes them).
 */
@Repository
class HazardCatalogue {

    private static final Logger log = LoggerFactory.getLogger(HazardCatalogue.class);

    private static final String COLUMNS = """
            id, name, level, patterns, exclude_patterns, channels, area_code, department_code, unit_code, urgency,
            refer_110, diverts, priority, active, note""";

    private final JdbcClient jdbc;
    private final CatalogueHistory history;
    private final ReferenceChanges changes;
    private final ReferenceCache<Boolean, List<CompiledHazard>> compiled = new ReferenceCache<>(ReferenceCache.DEFAULT_TTL);
    /**
     * The rules as last compiled, by their stored values: the cache reads the rules again every ten seconds, and a
     * rule read unchanged keeps its compiled patterns and starts (compiling them anew each time was 6 % of the
     * app's profile samples under load).
     */
    private volatile Map<HazardRule, CompiledHazard> lastCompiled = Map.of();

    HazardCatalogue(JdbcClient jdbc, CatalogueHistory history, ReferenceChanges changes) {
        this.jdbc = jdbc;
        this.history = history;
        this.changes = changes;
        changes.onChange(Catalogue.TOPIC, compiled::clear);
    }

    /** Every rule, in the order they decide. */
    List<HazardRule> rules() {
        // list(), not stream(): JdbcClient's stream holds its connection until closed
        return jdbc.sql("select " + COLUMNS + " from triage_hazard_rule").query((rs, n) -> read(rs)).list().stream()
                .sorted(CompiledHazard.ORDER).toList();
    }

    Optional<HazardRule> rule(long id) {
        return jdbc.sql("select " + COLUMNS + " from triage_hazard_rule where id = ?").param(id)
                .query((rs, n) -> read(rs)).optional();
    }

    /** The active rules compiled, in the order they decide; a rule that no longer compiles is left out, loudly. */
    List<CompiledHazard> active() {
        return compiled.get(Boolean.TRUE, all -> {
            Map<HazardRule, CompiledHazard> before = lastCompiled;
            Map<HazardRule, CompiledHazard> now = new HashMap<>();
            List<CompiledHazard> active = rules().stream().filter(HazardRule::active).flatMap(r -> {
                CompiledHazard known = before.get(r);
                try {
                    CompiledHazard c = known != null ? known : CompiledHazard.of(r);
                    now.put(r, c);
                    return java.util.stream.Stream.of(c);
                } catch (PatternSyntaxException e) {
                    log.error("Hazard rule #{} ({}) does not compile and is not applied: {}", r.id(), r.name(),
                            e.getMessage());
                    return java.util.stream.Stream.empty();
                }
            }).toList();
            lastCompiled = Map.copyOf(now);
            return active;
        });
    }

    long save(HazardRule rule, String by, String changeKind) {
        Timestamp now = Timestamp.from(history.now());
        Object[] values = {rule.name(), rule.level().name(), rule.patterns(), rule.excludePatterns(),
            rule.channels().isEmpty() ? null : String.join(",", rule.channels()), rule.areaCode(), rule.departmentCode(),
            rule.unitCode(), rule.urgency().name(), rule.refer110(), rule.diverts(), rule.priority(), rule.active(),
            rule.note(), now, by};
        long id;
        if (rule.id() == null) {
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            jdbc.sql("""
                    insert into triage_hazard_rule (name, level, patterns, exclude_patterns, channels, area_code,
                        department_code, unit_code, urgency, refer_110, diverts, priority, active, note, updated_at,
                        updated_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(values).update(key, "id");
            id = key.getKeyAs(Number.class).longValue();
        } else {
            id = rule.id();
            Object[] withId = Arrays.copyOf(values, values.length + 1);
            withId[values.length] = id;
            jdbc.sql("""
                    update triage_hazard_rule set name = ?, level = ?, patterns = ?, exclude_patterns = ?, channels = ?,
                        area_code = ?, department_code = ?, unit_code = ?, urgency = ?, refer_110 = ?, diverts = ?,
                        priority = ?, active = ?, note = ?, updated_at = ?, updated_by = ? where id = ?""")
                    .params(withId).update();
        }
        history.record(CatalogueHistory.HAZARD, id, changeKind, rule.toString(), by);
        changed();
        return id;
    }

    void delete(long id, String by) {
        rule(id).ifPresent(r -> {
            jdbc.sql("delete from triage_hazard_rule where id = ?").param(id).update();
            history.record(CatalogueHistory.HAZARD, id, "DELETE", r.toString(), by);
        });
        changed();
    }

    boolean seeded() {
        return history.seeded(CatalogueHistory.HAZARD);
    }

    private void changed() {
        compiled.clear();
        changes.announce(Catalogue.TOPIC);
    }

    private static HazardRule read(ResultSet rs) throws SQLException {
        String channels = rs.getString("channels");
        return new HazardRule(rs.getLong("id"), rs.getString("name"), HazardLevel.valueOf(rs.getString("level")),
                rs.getString("patterns"), rs.getString("exclude_patterns"),
                channels == null ? List.of() : Arrays.asList(channels.split(",")), rs.getString("area_code"),
                rs.getString("department_code"), rs.getString("unit_code"), Urgency.valueOf(rs.getString("urgency")),
                rs.getBoolean("refer_110"), rs.getBoolean("diverts"), rs.getInt("priority"), rs.getBoolean("active"),
                rs.getString("note"));
    }
}
