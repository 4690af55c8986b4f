package cn.civicloop.triage.internal;

import java.sql.Timestamp;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import cn.civicloop.cluster.ReferenceChanges;
import cn.civicloop.shared.ReferenceCache;

/** The routing catalogue (派单目录) in the database, with a change history so that every version can be traced. */
@Repository
public class Catalogue {

    private static final String COLUMNS = """
            id, category, channel, area_code, keywords, exclude_keywords, department_code, unit_code, priority, active, note""";

    /** Cluster signal: rules, hazard rules or category thresholds changed on some instance (ReferenceChanges). */
    static final String TOPIC = "reference-catalogue";

    private final JdbcClient jdbc;
    private final CatalogueHistory history;
    private final ReferenceChanges changes;
    /** Read for every appeal triaged; changed by admins (issue #8: cached, see ReferenceCache). */
    private final ReferenceCache<Boolean, List<Rule>> rules = new ReferenceCache<>(ReferenceCache.DEFAULT_TTL);
    private final ReferenceCache<String, Double> thresholds = new ReferenceCache<>(ReferenceCache.DEFAULT_TTL);

    Catalogue(JdbcClient jdbc, CatalogueHistory history, ReferenceChanges changes) {
        this.jdbc = jdbc;
        this.history = history;
        this.changes = changes;
        changes.onChange(TOPIC, () -> {
            rules.clear();
            thresholds.clear();
        });
    }

    /** A change of the catalogue: of a routing rule or of a hazard rule ({@code ruleKind} ROUTING or HAZARD). */
    public record Change(long id, String ruleKind, long ruleId, String kind, String snapshot, java.time.Instant at,
            String by) {
    }

    public List<Rule> rules() {
        return rules.get(Boolean.TRUE, all -> List.copyOf(readRules())); // shared: must not be changed by callers
    }

    private List<Rule> readRules() {
        return jdbc.sql("select " + COLUMNS + " from triage_rule order by priority, id").query((rs, n) -> new Rule(
                rs.getLong("id"), rs.getString("category"), rs.getString("channel"), rs.getString("area_code"),
                rs.getString("keywords"), rs.getString("exclude_keywords"), rs.getString("department_code"),
                rs.getString("unit_code"), rs.getInt("priority"), rs.getBoolean("active"), rs.getString("note")))
                .list();
    }

    /** The category's own threshold for automatic assignment, if it has one. */
    Optional<Double> threshold(String category) {
        return Optional.ofNullable(thresholds.get(category, c -> jdbc.sql(
                "select auto_threshold from triage_category where name = ? and auto_threshold is not null")
                .param(c).query(Double.class).optional().orElse(null)));
    }

    /** Call after changing a category on this instance. */
    void categoriesChanged() {
        thresholds.clear();
        changes.announce(TOPIC);
    }

    public Optional<Rule> rule(long id) {
        return rules().stream().filter(r -> r.id() == id).findFirst();
    }

    /** The best rule for a category at a place and channel: lowest priority number, then the most specific. */
    static Optional<Rule> best(List<Rule> rules, String category, String channel, List<String> areaCodes, String text) {
        return rules.stream().filter(r -> r.matches(category, channel, areaCodes, text))
                .min(Comparator.comparingInt(Rule::priority).thenComparing(Comparator.comparingInt(Rule::specificity).reversed()));
    }

    public long save(Rule rule, String by) {
        return save(rule, by, rule.id() == null ? "CREATE" : "UPDATE");
    }

    /** Saves and records the change as {@code changeKind} (CREATE, UPDATE or SEED). */
    long save(Rule rule, String by, String changeKind) {
        Timestamp now = Timestamp.from(history.now());
        long id;
        if (rule.id() == null) {
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            jdbc.sql("insert into triage_rule (category, channel, area_code, keywords, exclude_keywords, department_code, "
                    + "unit_code, priority, active, note, updated_at, updated_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(rule.category(), rule.channel(), rule.areaCode(), rule.keywords(), rule.excludeKeywords(),
                            rule.departmentCode(), rule.unitCode(), rule.priority(), rule.active(), rule.note(), now, by)
                    .update(key, "id");
            id = key.getKeyAs(Number.class).longValue();
        } else {
            id = rule.id();
            jdbc.sql("update triage_rule set category = ?, channel = ?, area_code = ?, keywords = ?, exclude_keywords = ?, "
                    + "department_code = ?, unit_code = ?, priority = ?, active = ?, note = ?, updated_at = ?, updated_by = ? where id = ?")
                    .params(rule.category(), rule.channel(), rule.areaCode(), rule.keywords(), rule.excludeKeywords(),
                            rule.departmentCode(), rule.unitCode(), rule.priority(), rule.active(), rule.note(), now, by, id)
                    .update();
        }
        history.record(CatalogueHistory.ROUTING, id, changeKind, rule.toString(), by);
        rules.clear();
        changes.announce(TOPIC);
        return id;
    }

    public void delete(long id, String by) {
        rule(id).ifPresent(r -> {
            jdbc.sql("delete from triage_rule where id = ?").param(id).update();
            history.record(CatalogueHistory.ROUTING, id, "DELETE", r.toString(), by);
        });
        rules.clear();
        changes.announce(TOPIC);
    }

    public List<Change> history() {
        return history.changes();
    }

    /** The catalogue's version: the number of changes so far (of routing and hazard rules). */
    public long version() {
        return history.version();
    }

    boolean isEmpty() {
        return jdbc.sql("select count(*) from triage_rule").query(Long.class).single() == 0;
    }
}
