package cn.civicloop.triage.internal;

import java.sql.Timestamp;
import java.time.Clock;
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

    /** Cluster signal: rules or category thresholds changed on some instance (ReferenceChanges). */
    private static final String TOPIC = "reference-catalogue";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ReferenceChanges changes;
    /** Read for every appeal triaged; changed by admins (issue #8: cached, see ReferenceCache). */
    private final ReferenceCache<Boolean, List<Rule>> rules = new ReferenceCache<>(ReferenceCache.DEFAULT_TTL);
    private final ReferenceCache<String, Double> thresholds = new ReferenceCache<>(ReferenceCache.DEFAULT_TTL);

    Catalogue(JdbcClient jdbc, Clock clock, ReferenceChanges changes) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.changes = changes;
        changes.onChange(TOPIC, () -> {
            rules.clear();
            thresholds.clear();
        });
    }

    /** A change of the catalogue. */
    public record Change(long id, long ruleId, String kind, String snapshot, java.time.Instant at, String by) {
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
    static Optional<Rule> best(List<Rule> rules, String category, String channel, List<String> areaCodes, String text,
            boolean diversionsOnly) {
        return rules.stream().filter(r -> !diversionsOnly || r.diversion())
                .filter(r -> r.matches(category, channel, areaCodes, text))
                .min(Comparator.comparingInt(Rule::priority).thenComparing(Comparator.comparingInt(Rule::specificity).reversed()));
    }

    public long save(Rule rule, String by) {
        Timestamp now = Timestamp.from(clock.instant());
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
        record(id, rule.id() == null ? "CREATE" : "UPDATE", rule.toString(), by);
        rules.clear();
        changes.announce(TOPIC);
        return id;
    }

    public void delete(long id, String by) {
        rule(id).ifPresent(r -> {
            jdbc.sql("delete from triage_rule where id = ?").param(id).update();
            record(id, "DELETE", r.toString(), by);
        });
        rules.clear();
        changes.announce(TOPIC);
    }

    public List<Change> history() {
        return jdbc.sql("select id, rule_id, change_kind, snapshot, changed_at, changed_by from triage_rule_change order by id desc")
                .query((rs, n) -> new Change(rs.getLong("id"), rs.getLong("rule_id"), rs.getString("change_kind"),
                        rs.getString("snapshot"), rs.getTimestamp("changed_at").toInstant(), rs.getString("changed_by")))
                .list();
    }

    /** The catalogue's version: the number of changes so far. */
    public long version() {
        return jdbc.sql("select count(*) from triage_rule_change").query(Long.class).single();
    }

    boolean isEmpty() {
        return jdbc.sql("select count(*) from triage_rule").query(Long.class).single() == 0;
    }

    private void record(long ruleId, String kind, String snapshot, String by) {
        jdbc.sql("insert into triage_rule_change (rule_id, change_kind, snapshot, changed_at, changed_by) values (?, ?, ?, ?, ?)")
                .params(ruleId, kind, snapshot.length() > 2000 ? snapshot.substring(0, 2000) : snapshot,
                        Timestamp.from(clock.instant()), by)
                .update();
    }
}
