package cn.civicloop.cases.internal.sla;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.civicloop.cases.ClockStage;
import cn.civicloop.cases.EscalationStep;
import cn.civicloop.cluster.ReferenceChanges;
import cn.civicloop.shared.ReferenceCache;

/** The escalation ladder as data ({@code cases_escalation_rule}): at which share of a limit what happens. */
@Component
public class EscalationLadder {

    /** Cluster signal: the ladder changed on some instance (ReferenceChanges). */
    static final String TOPIC = "reference-ladder";

    private final JdbcClient jdbc;
    private final ReferenceCache<ClockStage, List<Rung>> byStage = new ReferenceCache<>(ReferenceCache.DEFAULT_TTL);

    private final ReferenceChanges changes;

    EscalationLadder(JdbcClient jdbc, ReferenceChanges changes) {
        this.jdbc = jdbc;
        this.changes = changes;
        changes.onChange(TOPIC, byStage::clear);
    }

    /** A rung of the ladder. */
    public record Rung(ClockStage stage, int percent, EscalationStep step) {
    }

    /** The rungs of a stage, lowest share first. */
    public List<Rung> rungs(ClockStage stage) {
        return byStage.get(stage, s -> List.copyOf(read(s))); // shared: must not be changed by callers
    }

    private List<Rung> read(ClockStage stage) {
        return jdbc.sql("select stage, percent, step from cases_escalation_rule where stage = ? order by percent")
                .param(stage.name()).query((rs, n) -> new Rung(ClockStage.valueOf(rs.getString("stage")),
                        rs.getInt("percent"), EscalationStep.valueOf(rs.getString("step"))))
                .list();
    }

    public List<Rung> all() {
        return jdbc.sql("select stage, percent, step from cases_escalation_rule order by stage, percent")
                .query((rs, n) -> new Rung(ClockStage.valueOf(rs.getString("stage")), rs.getInt("percent"),
                        EscalationStep.valueOf(rs.getString("step"))))
                .list();
    }

    public void save(Rung rung) {
        int updated = jdbc.sql("update cases_escalation_rule set step = ? where stage = ? and percent = ?")
                .params(rung.step().name(), rung.stage().name(), rung.percent()).update();
        if (updated == 0) {
            jdbc.sql("insert into cases_escalation_rule (stage, percent, step) values (?, ?, ?)")
                    .params(rung.stage().name(), rung.percent(), rung.step().name()).update();
        }
        byStage.clear();
        changes.announce(TOPIC);
    }

    public void remove(ClockStage stage, int percent) {
        jdbc.sql("delete from cases_escalation_rule where stage = ? and percent = ?").params(stage.name(), percent).update();
        byStage.clear();
        changes.announce(TOPIC);
    }
}
