package cn.civicloop.evaluation.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.civicloop.directory.Actor;
import cn.civicloop.evaluation.Period;
import cn.civicloop.evaluation.SubjectKind;
import cn.civicloop.evaluation.internal.Audit;
import cn.civicloop.evaluation.internal.Indicator;
import cn.civicloop.evaluation.internal.Indicators;
import cn.civicloop.evaluation.internal.Objections;
import cn.civicloop.evaluation.internal.Backfill;
import cn.civicloop.evaluation.internal.PoliceResponses;
import cn.civicloop.evaluation.internal.RoadResponses;
import cn.civicloop.evaluation.internal.Snapshots;
import cn.civicloop.evaluation.internal.Weights;
import cn.civicloop.security.Actors;
import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.shared.Phrase;

/** The evaluation API ({@code /api/v1/evaluation/}); who may do what: {@link EvaluationAccess}. */
@RestController
@RequestMapping("/api/v1/evaluation")
class EvaluationApiController {

    private final Indicators indicators;
    private final Weights weights;
    private final Snapshots snapshots;
    private final Objections objections;
    private final Ranking ranking;
    private final Audit audit;
    private final PoliceResponses policeResponses;
    private final RoadResponses roadResponses;
    private final Backfill backfill;

    EvaluationApiController(Indicators indicators, Weights weights, Snapshots snapshots, Objections objections,
            Ranking ranking, Audit audit, PoliceResponses policeResponses, RoadResponses roadResponses,
            Backfill backfill) {
        this.policeResponses = policeResponses;
        this.roadResponses = roadResponses;
        this.backfill = backfill;
        this.indicators = indicators;
        this.weights = weights;
        this.snapshots = snapshots;
        this.objections = objections;
        this.ranking = ranking;
        this.audit = audit;
    }

    record WeightChange(Map<String, BigDecimal> weights, String reason) {
    }

    record Decision(Boolean accept, String reason) {
    }

    @GetMapping("/indicators")
    List<Indicator> indicators() {
        EvaluationAccess.reads(Actors.current());
        return indicators.all();
    }

    @GetMapping("/indicators/{code}/history")
    List<Indicators.Version> history(@PathVariable String code) {
        EvaluationAccess.reads(Actors.current());
        return indicators.history(code);
    }

    @PutMapping("/indicators/{code}")
    Indicator edit(@PathVariable String code, @RequestBody Indicators.Change change) {
        Actor actor = Actors.current();
        EvaluationAccess.office(actor);
        return indicators.edit(code, change, actor.username());
    }

    @GetMapping("/weights/{kind}")
    Map<String, Double> weights(@PathVariable String kind) {
        EvaluationAccess.reads(Actors.current());
        return weights.of(kind(kind));
    }

    @PutMapping("/weights/{kind}")
    Map<String, Double> setWeights(@PathVariable String kind, @RequestBody WeightChange change) {
        Actor actor = Actors.current();
        EvaluationAccess.office(actor);
        weights.set(kind(kind), change.weights(), change.reason(), actor.username());
        return weights.of(kind(kind));
    }

    @PostMapping("/periods/{period}/draft")
    Snapshots.Snapshot compute(@PathVariable String period) {
        Actor actor = Actors.current();
        EvaluationAccess.office(actor);
        return snapshots.computeDraft(Period.parse(period), actor.username());
    }

    @PostMapping("/periods/{period}/publish")
    Snapshots.Snapshot publish(@PathVariable String period) {
        Actor actor = Actors.current();
        EvaluationAccess.office(actor);
        return snapshots.publish(Period.parse(period), actor.username());
    }

    @GetMapping("/periods/{period}/versions")
    List<Snapshots.Snapshot> versions(@PathVariable String period) {
        Actor actor = Actors.current();
        EvaluationAccess.reads(actor);
        return snapshots.versions(Period.parse(period).key()).stream()
                .filter(s -> EvaluationAccess.readsAll(actor) || "PUBLISHED".equals(s.status())).toList();
    }

    @GetMapping("/periods/{period}/ranking")
    Ranking.Board ranking(@PathVariable String period, @RequestParam(defaultValue = "DEPARTMENT") String kind,
            @RequestParam(defaultValue = "false") boolean draft) {
        return ranking.board(Actors.current(), Period.parse(period), kind(kind), draft);
    }

    @GetMapping("/periods/{period}/subjects/{kind}/{key}")
    Ranking.SubjectFigures subject(@PathVariable String period, @PathVariable String kind, @PathVariable String key,
            @RequestParam(defaultValue = "false") boolean draft) {
        return ranking.subject(Actors.current(), Period.parse(period), kind(kind), key, draft);
    }

    @GetMapping("/periods/{period}/subjects/{kind}/{key}/cases")
    Ranking.DrillDown cases(@PathVariable String period, @PathVariable String kind, @PathVariable String key,
            @RequestParam String indicator, @RequestParam(defaultValue = "0") int term,
            @RequestParam(defaultValue = "0") long after) {
        return ranking.drillDown(Actors.current(), Period.parse(period), kind(kind), key, indicator, term, after);
    }

    /** The incidents behind a police block's median and p90 of one priority (those with a unit on scene). */
    @GetMapping("/periods/{period}/police-blocks/{block}/incidents")
    Ranking.DrillDown incidents(@PathVariable String period, @PathVariable String block, @RequestParam int priority,
            @RequestParam(defaultValue = "0") long after) {
        return ranking.responses(Actors.current(), Period.parse(period), block, priority, after);
    }

    record BackfillRequest(String reason) {
    }

    /** Gives the cases older than the module their facts, in the background (the office); the progress is returned. */
    @PostMapping("/backfill")
    org.springframework.http.ResponseEntity<Backfill.Progress> backfill(@RequestBody BackfillRequest request) {
        Actor actor = Actors.current();
        EvaluationAccess.office(actor);
        if (request.reason() == null || request.reason().isBlank() || request.reason().length() > 500) {
            throw new InvalidInputException("reason",
                    Phrase.of("problem.evaluation.backfill-reason", "请填写补录原因（不超过500字）"));
        }
        backfill.request(actor.username(), request.reason().strip());
        return org.springframework.http.ResponseEntity.accepted().body(backfill.progress());
    }

    @GetMapping("/backfill")
    Backfill.Progress backfillProgress() {
        if (!EvaluationAccess.readsAll(Actors.current())) {
            throw new cn.civicloop.shared.ForbiddenException(
                    Phrase.of("problem.evaluation.office-and-leaders", "仅考评办和区领导可查看"));
        }
        return backfill.progress();
    }

    /** Police blocks' response times per priority, computed from the recorded incidents (leaders and the office). */
    @GetMapping("/periods/{period}/police-blocks")
    List<PoliceResponses.BlockFigures> policeBlocks(@PathVariable String period) {
        if (!EvaluationAccess.readsAll(Actors.current())) {
            throw new cn.civicloop.shared.ForbiddenException(
                    Phrase.of("problem.evaluation.police-blocks-readers", "仅考评办和区领导可查看块区出警考评"));
        }
        return policeResponses.figures(Period.parse(period));
    }

    /** Road areas: whistles answered in time by the named departments, their ratings, the chiefs' answers. */
    @GetMapping("/periods/{period}/road-areas")
    List<RoadResponses.AreaFigures> roadAreas(@PathVariable String period) {
        requireReadsAll();
        return roadResponses.areas(Period.parse(period));
    }

    /** Road chiefs: the issues they held answered within the limit, the lowest share first. */
    @GetMapping("/periods/{period}/road-chiefs")
    List<RoadResponses.ChiefFigures> roadChiefs(@PathVariable String period) {
        requireReadsAll();
        return roadResponses.chiefs(Period.parse(period));
    }

    private static void requireReadsAll() {
        if (!EvaluationAccess.readsAll(Actors.current())) {
            throw new cn.civicloop.shared.ForbiddenException(
                    Phrase.of("problem.evaluation.office-and-leaders", "仅考评办和区领导可查看"));
        }
    }

    @GetMapping("/subjects/{kind}/{key}/trend")
    List<Map.Entry<String, Snapshots.Score>> trend(@PathVariable String kind, @PathVariable String key) {
        EvaluationAccess.readsSubject(Actors.current(), kind(kind), key);
        return snapshots.trend(kind(kind), key, 24);
    }

    @PostMapping("/objections")
    Objections.Objection object(@RequestBody Objections.Filing filing) {
        Actor actor = Actors.current();
        if (!EvaluationAccess.department(actor)) {
            throw new cn.civicloop.shared.ForbiddenException(
                    Phrase.of("problem.evaluation.departments-object", "仅承办单位可申诉"));
        }
        return objections.file(filing, actor);
    }

    @GetMapping("/objections")
    List<Objections.Objection> objections(@RequestParam(required = false) String status) {
        Actor actor = Actors.current();
        EvaluationAccess.reads(actor);
        Long own = EvaluationAccess.readsAll(actor) ? null : actor.departmentId();
        return objections.list(status, own, 200);
    }

    @PostMapping("/objections/{id}/decision")
    Objections.Objection decide(@PathVariable long id, @RequestBody Decision decision) {
        Actor actor = Actors.current();
        EvaluationAccess.office(actor);
        if (decision.accept() == null) {
            throw new InvalidInputException("accept",
                    Phrase.of("problem.evaluation.decision-required", "请选择同意剔除或驳回"));
        }
        return objections.decide(id, decision.accept(), decision.reason(), actor);
    }

    @GetMapping("/objections/{id}/history")
    List<Audit.Entry> objectionHistory(@PathVariable long id) {
        Actor actor = Actors.current();
        EvaluationAccess.reads(actor);
        Objections.Objection o = objections.get(id);
        if (!EvaluationAccess.readsAll(actor) && !java.util.Objects.equals(o.departmentId(), actor.departmentId())) {
            throw new cn.civicloop.shared.ForbiddenException(
                    Phrase.of("problem.evaluation.own-objections-only", "只能查看本单位的申诉"));
        }
        return audit.of("OBJECTION", String.valueOf(id));
    }

    static SubjectKind kind(String kind) {
        try {
            return SubjectKind.valueOf(kind.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new InvalidInputException("kind", Phrase.of("problem.evaluation.subject-kind",
                    "对象类别应为 DEPARTMENT、LINKAGE、UNIT、STREET、GRID、ROAD_AREA、ROAD_CHIEF 或 POLICE_BLOCK：{0}", kind));
        }
    }
}
