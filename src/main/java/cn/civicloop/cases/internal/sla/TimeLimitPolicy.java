package cn.civicloop.cases.internal.sla;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.civicloop.calendar.LimitUnit;
import cn.civicloop.calendar.TimeLimit;
import cn.civicloop.cluster.ReferenceChanges;
import cn.civicloop.shared.ReferenceCache;

/**
 * Time limits as data ({@code cases_time_limit}): the most specific row wins — the case's category, then its
 * appeal kind, then the default {@code *}. Stage {@code REWORK} is the limit of a restarted handling clock.
 */
@Component
public class TimeLimitPolicy {

    static final String ANY = "*";
    static final String REWORK = "REWORK";
    /** Cluster signal: the limits changed on some instance (ReferenceChanges). */
    static final String TOPIC = "reference-time-limits";

    private final JdbcClient jdbc;
    /** Rows by scope, urgency and stage; read on every intake and every stage change. */
    private final ReferenceCache<RowKey, TimeLimit> rows = new ReferenceCache<>(ReferenceCache.DEFAULT_TTL);

    private final ReferenceChanges changes;

    TimeLimitPolicy(JdbcClient jdbc, ReferenceChanges changes) {
        this.jdbc = jdbc;
        this.changes = changes;
        changes.onChange(TOPIC, rows::clear);
    }

    /** A row of the limits table, for the admin API. */
    public record Rule(String scope, String urgency, String stage, int amount, LimitUnit unit) {
    }

    public TimeLimit limit(LimitKey key, String stage) {
        for (String scope : new String[] {key.category(), key.kind().name(), ANY}) {
            if (scope == null) {
                continue;
            }
            Optional<TimeLimit> found = Optional.ofNullable(rows.get(new RowKey(scope, key.urgency().name(), stage),
                    this::row));
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw new IllegalStateException("no time limit for stage " + stage + " and urgency " + key.urgency()
                + " (cases_time_limit needs a '*' row)");
    }

    private record RowKey(String scope, String urgency, String stage) {
    }

    private TimeLimit row(RowKey k) {
        return jdbc.sql("select amount, unit from cases_time_limit where scope = ? and urgency = ? and stage = ?")
                .params(k.scope(), k.urgency(), k.stage())
                .query((rs, n) -> new TimeLimit(rs.getInt("amount"), LimitUnit.valueOf(rs.getString("unit"))))
                .optional().orElse(null);
    }

    public List<Rule> rules() {
        return jdbc.sql("select scope, urgency, stage, amount, unit from cases_time_limit order by stage, scope, urgency")
                .query((rs, n) -> new Rule(rs.getString("scope"), rs.getString("urgency"), rs.getString("stage"),
                        rs.getInt("amount"), LimitUnit.valueOf(rs.getString("unit"))))
                .list();
    }

    public void save(Rule rule) {
        int updated = jdbc.sql("update cases_time_limit set amount = ?, unit = ? where scope = ? and urgency = ? and stage = ?")
                .params(rule.amount(), rule.unit().name(), rule.scope(), rule.urgency(), rule.stage()).update();
        if (updated == 0) {
            jdbc.sql("insert into cases_time_limit (scope, urgency, stage, amount, unit) values (?, ?, ?, ?, ?)")
                    .params(rule.scope(), rule.urgency(), rule.stage(), rule.amount(), rule.unit().name()).update();
        }
        rows.clear();
        changes.announce(TOPIC);
    }
}
