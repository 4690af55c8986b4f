package cn.civicloop.evaluation.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.civicloop.directory.Actor;
import cn.civicloop.evaluation.Period;
import cn.civicloop.evaluation.SubjectKind;
import cn.civicloop.evaluation.internal.Calculator;
import cn.civicloop.evaluation.internal.EvaluationProperties;
import cn.civicloop.evaluation.internal.Indicator;
import cn.civicloop.evaluation.internal.Indicators;
import cn.civicloop.evaluation.internal.PoliceResponses;
import cn.civicloop.evaluation.internal.Snapshots;

/** What the pages and the API show of a period: the boards (红黑榜), one subject's figures, a drill-down. */
@Component
class Ranking {

    /** A ranking: everything in order, and the top and bottom N of those with a score. */
    record Board(String period, SubjectKind kind, Snapshots.Snapshot snapshot, List<Snapshots.Score> all,
            List<Snapshots.Score> red, List<Snapshots.Score> black) {
    }

    /**
     * @param police a police block's response per priority as the version froze it (empty for other kinds)
     */
    record SubjectFigures(Snapshots.Snapshot snapshot, SubjectKind kind, String key, Snapshots.Score score,
            List<Snapshots.Figure> figures, List<PoliceResponses.PriorityFigures> police) {
    }

    /** The facts behind one count of an indicator, live from the fact table with the figure's own predicate. */
    record DrillDown(String period, SubjectKind kind, String key, String indicator, int term, String termKey,
            List<String> terms, List<Calculator.Row> rows, Long nextAfter) {
    }

    /** The indicator a response-time drill-down is shown under (its rate counts the same incidents). */
    static final String RESPONSE_INDICATOR = "POLICE_ON_TIME";

    private final Snapshots snapshots;
    private final Calculator calculator;
    private final Indicators indicators;
    private final EvaluationProperties properties;

    Ranking(Snapshots snapshots, Calculator calculator, Indicators indicators, EvaluationProperties properties) {
        this.snapshots = snapshots;
        this.calculator = calculator;
        this.indicators = indicators;
        this.properties = properties;
    }

    Optional<Snapshots.Snapshot> snapshot(Actor actor, Period period, boolean draft) {
        if (draft) {
            EvaluationAccess.office(actor);
            return snapshots.draft(period.key());
        }
        return snapshots.published(period.key());
    }

    Board board(Actor actor, Period period, SubjectKind kind, boolean draft) {
        EvaluationAccess.reads(actor);
        Optional<Snapshots.Snapshot> s = snapshot(actor, period, draft);
        if (s.isEmpty()) {
            return new Board(period.key(), kind, null, List.of(), List.of(), List.of());
        }
        List<Snapshots.Score> all = snapshots.scores(s.get().id(), kind);
        List<Snapshots.Score> scored = all.stream().filter(x -> x.score() != null).toList();
        int n = Math.min(properties.rankingSize(), scored.size() / 2 + scored.size() % 2);
        List<Snapshots.Score> red = scored.subList(0, n);
        List<Snapshots.Score> black = new java.util.ArrayList<>(scored.subList(scored.size() - Math.min(n,
                scored.size() - n), scored.size()));
        java.util.Collections.reverse(black);
        return new Board(period.key(), kind, s.get(), all, red, black);
    }

    SubjectFigures subject(Actor actor, Period period, SubjectKind kind, String key, boolean draft) {
        EvaluationAccess.readsSubject(actor, kind, key);
        Optional<Snapshots.Snapshot> s = snapshot(actor, period, draft);
        if (s.isEmpty()) {
            return new SubjectFigures(null, kind, key, null, List.of(), List.of());
        }
        Snapshots.Score score = snapshots.scores(s.get().id(), kind).stream().filter(x -> x.subjectKey().equals(key))
                .findFirst().orElse(null);
        return new SubjectFigures(s.get(), kind, key, score, snapshots.figures(s.get().id(), kind, key),
                kind == SubjectKind.POLICE_BLOCK ? snapshots.policeFigures(s.get().id(), key) : List.of());
    }

    /**
     * The incidents behind a police block's median and p90 of one priority: its cleared incidents with a unit on
     * scene, live from the fact table like every drill-down.
     */
    DrillDown responses(Actor actor, Period period, String block, int priority, long after) {
        EvaluationAccess.readsSubject(actor, SubjectKind.POLICE_BLOCK, block);
        if (priority < 1 || priority > 4) {
            throw new cn.civicloop.shared.InvalidInputException("priority", cn.civicloop.shared.Phrase.of("problem.evaluation.priority-range", "警情等级应为1至4"));
        }
        List<Calculator.Row> rows = calculator.responseRows(period, block, priority, after,
                properties.drillDownLimit());
        Long next = rows.size() == properties.drillDownLimit() ? rows.get(rows.size() - 1).id() : null;
        return new DrillDown(period.key(), SubjectKind.POLICE_BLOCK, block, RESPONSE_INDICATOR, priority,
                Calculator.responseCount(priority), List.of(), rows, next);
    }

    DrillDown drillDown(Actor actor, Period period, SubjectKind kind, String key, String code, int term, long after) {
        EvaluationAccess.readsSubject(actor, kind, key);
        Indicator indicator = indicators.get(code);
        List<Calculator.Row> rows = calculator.rows(period, kind, key, indicator, term, after,
                properties.drillDownLimit());
        Long next = rows.size() == properties.drillDownLimit() ? rows.get(rows.size() - 1).id() : null;
        List<String> terms = indicator.termKeys();
        return new DrillDown(period.key(), kind, key, code, term, terms.get(term), terms, rows, next);
    }

    Map<String, Indicator> indicatorsByCode() {
        Map<String, Indicator> m = new java.util.LinkedHashMap<>();
        indicators.all().forEach(i -> m.put(i.code(), i));
        return m;
    }
}
