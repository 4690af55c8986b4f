package cn.civicloop.triage.internal.learning;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.civicloop.classifier.RoutingExample;
import cn.civicloop.triage.internal.ActiveModel;

/**
 * Gathers the examples of a training run from its sources, and splits them into the part trained on and the held-out
 * part both models are compared on. The split is fixed by each text's fingerprint, so identical texts (duplicate rows,
 * an outcome counted twice) always fall on the same side, and a run repeated on the same data holds out the same rows.
 */
@Component
public class TrainingSet {

    private final JdbcClient jdbc;
    private final ActiveModel active;
    private final LearningProperties properties;

    TrainingSet(JdbcClient jdbc, ActiveModel active, LearningProperties properties) {
        this.jdbc = jdbc;
        this.active = active;
        this.properties = properties;
    }

    /** The examples of the sources, in a stable order. */
    public List<RoutingExample> examples(TrainingSources sources) {
        List<RoutingExample> all = new ArrayList<>();
        if (sources.seed()) {
            all.addAll(active.seedExamples());
        }
        if (sources.imports()) {
            jdbc.sql("select e.title, e.content, e.label from triage_example e join triage_import i on i.id = e.import_id"
                    + " where i.status = 'DONE'" + importFilter(sources) + " order by e.import_id, e.id")
                    .query(rs -> {
                        all.add(new RoutingExample(rs.getString(1), rs.getString(2), rs.getString(3)));
                    });
        }
        if (sources.loop()) {
            all.addAll(loop());
        }
        return all;
    }

    /** Examples per category, to refuse a run that cannot train before it starts. */
    public Map<String, Integer> counts(TrainingSources sources) {
        Map<String, Integer> counts = new TreeMap<>();
        if (sources.seed()) {
            active.seedExamples().forEach(e -> counts.merge(e.label(), 1, Integer::sum));
        }
        if (sources.imports()) {
            jdbc.sql("select e.label, count(*) from triage_example e join triage_import i on i.id = e.import_id"
                    + " where i.status = 'DONE'" + importFilter(sources) + " group by e.label")
                    .query(rs -> {
                        counts.merge(rs.getString(1), rs.getInt(2), Integer::sum);
                    });
        }
        if (sources.loop()) {
            loop().forEach(e -> counts.merge(e.label(), 1, Integer::sum));
        }
        return counts;
    }

    /** The case loop's examples: outcomes (newest first, capped) weighted over corrections, excluded cases left out. */
    public List<RoutingExample> loop() {
        Set<String> excluded = new HashSet<>();
        List<LoopExamples.Outcome> outcomes = jdbc.sql("select o.case_number, o.title, o.content, o.category,"
                + " x.case_number from triage_outcome o left join triage_excluded_case x on x.case_number = o.case_number"
                + " order by o.closed_at desc fetch first ? rows only").param(properties.outcomesRead())
                .query((rs, n) -> {
                    if (rs.getString(5) != null) {
                        excluded.add(rs.getString(1));
                    }
                    return new LoopExamples.Outcome(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
                })
                .list();
        List<LoopExamples.Correction> corrections = jdbc.sql("select f.case_number, f.title, f.content, f.label,"
                + " x.case_number from triage_feedback f left join triage_excluded_case x on x.case_number = f.case_number"
                + " order by f.id desc fetch first ? rows only").param(properties.outcomesRead())
                .query((rs, n) -> {
                    if (rs.getString(5) != null) {
                        excluded.add(rs.getString(1));
                    }
                    return new LoopExamples.Correction(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
                })
                .list();
        Set<String> categories = Set.copyOf(jdbc.sql("select name from triage_category where active = true")
                .query(String.class).list());
        return LoopExamples.of(outcomes, corrections, excluded, categories, properties.outcomeWeight());
    }

    /** Whether an example belongs to the held-out part. */
    public boolean heldOut(RoutingExample e) {
        long h = LongSet.fingerprint(e.title(), e.detail());
        return Math.floorMod(h ^ (h >>> 29), 100) < properties.heldOutPercent();
    }

    private static String importFilter(TrainingSources sources) {
        if (sources.importIds().isEmpty()) {
            return "";
        }
        // ids are numbers (parsed as Long), never text from the request
        return " and i.id in (" + String.join(",", sources.importIds().stream().map(String::valueOf).toList()) + ")";
    }
}
