package cn.civicloop.triage.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The one history of the routing catalogue: every version of every routing rule and hazard rule, who changed it
 * and when. Its length is the catalogue's version.
 */
@Repository
class CatalogueHistory {

    /** The part of the catalogue a change concerns. */
    static final String ROUTING = "ROUTING";
    static final String HAZARD = "HAZARD";

    /** The change kind of a rule loaded from the shipped default file. */
    static final String SEED = "SEED";

    private final JdbcClient jdbc;
    private final Clock clock;

    CatalogueHistory(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void record(String ruleKind, long ruleId, String changeKind, String snapshot, String by) {
        jdbc.sql("""
                insert into triage_rule_change (rule_kind, rule_id, change_kind, snapshot, changed_at, changed_by)
                values (?, ?, ?, ?, ?, ?)""")
                .params(ruleKind, ruleId, changeKind, snapshot.length() > 2000 ? snapshot.substring(0, 2000) : snapshot,
                        Timestamp.from(clock.instant()), by)
                .update();
    }

    List<Catalogue.Change> changes() {
        return jdbc.sql("""
                select id, rule_kind, rule_id, change_kind, snapshot, changed_at, changed_by from triage_rule_change
                order by id desc""")
                .query((rs, n) -> new Catalogue.Change(rs.getLong("id"), rs.getString("rule_kind"), rs.getLong("rule_id"),
                        rs.getString("change_kind"), rs.getString("snapshot"), rs.getTimestamp("changed_at").toInstant(),
                        rs.getString("changed_by")))
                .list();
    }

    long version() {
        return jdbc.sql("select count(*) from triage_rule_change").query(Long.class).single();
    }

    /** Whether the default rules of this part were ever loaded (then they are not loaded again, even if deleted). */
    boolean seeded(String ruleKind) {
        return jdbc.sql("select count(*) from triage_rule_change where rule_kind = ? and change_kind = ?")
                .params(ruleKind, SEED).query(Long.class).single() > 0;
    }

    Instant now() {
        return clock.instant();
    }
}
