package cn.civicloop.triage.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.springframework.stereotype.Service;

import cn.civicloop.cases.CaseQueries;
import cn.civicloop.cases.CaseStatus;
import cn.civicloop.directory.Actor;
import cn.civicloop.directory.Role;
import cn.civicloop.shared.Phrase;
import cn.civicloop.shared.ForbiddenException;
import cn.civicloop.shared.NotFoundException;
import cn.civicloop.triage.HazardLevel;

/** Reads for dispatchers: the triage queue, one case's suggestions, the preview screen, the counts. */
@Service
public class TriageViews {

    private final CaseQueries cases;
    private final TriageRecords records;
    private final TriageDecider decider;

    TriageViews(CaseQueries cases, TriageRecords records, TriageDecider decider) {
        this.cases = cases;
        this.records = records;
        this.decider = decider;
    }

    /**
     * A case waiting for a dispatcher, with what triage suggests: the hazard rule that matched (and the department
     * it names, {@code hazardDepartmentCode}) comes before the classifier's suggestions.
     */
    public record Waiting(String number, CaseStatus status, String title, java.time.Instant createdAt,
            TriageRecords.HazardRecord hazard, String hazardDepartmentCode, List<TriageRecords.Suggestion> suggestions,
            List<TriageRecords.Duplicate> duplicates) {
    }

    /** The waiting cases, those a hazard rule matched first (life before danger before linkage), then as listed. */
    public List<Waiting> queue(Actor actor, int limit) {
        requireCentre(actor);
        List<Waiting> waiting = new ArrayList<>();
        for (CaseStatus status : List.of(CaseStatus.REGISTERED, CaseStatus.SUBMITTED)) {
            cases.list(new CaseQueries.CaseFilter(status, null, null, null, null, 0, limit), actor).items()
                    .forEach(c -> {
                        TriageRecords.Decision d = records.decision(c.number()).orElse(null);
                        TriageRecords.HazardRecord hazard = d == null ? null : d.hazard();
                        waiting.add(new Waiting(c.number(), c.status(), c.title(), c.createdAt(), hazard,
                                hazard == null ? null : d.departmentCode(), records.suggestions(c.number()),
                                records.duplicates(c.number())));
                    });
        }
        waiting.sort(Comparator.comparing((Waiting w) -> w.hazard() == null ? HazardLevel.values().length
                : w.hazard().level().ordinal()));
        return waiting;
    }

    /** Triage's record of one case. */
    public record CaseTriage(TriageRecords.Decision decision, List<TriageRecords.Suggestion> suggestions,
            List<TriageRecords.Duplicate> duplicates) {
    }

    public CaseTriage of(String number, Actor actor) {
        requireCentre(actor);
        cases.snapshot(number).orElseThrow(() -> new NotFoundException(
                Phrase.of("problem.triage.no-such-case", "工单不存在：{0}", number)));
        return new CaseTriage(records.decision(number).orElse(null), records.suggestions(number),
                records.duplicates(number));
    }

    public Outcome preview(String title, String content, String channel, String streetCode, String communityCode,
            String gridCode, Actor actor) {
        requireCentre(actor);
        List<String> areas = Stream.of(streetCode, communityCode, gridCode).filter(Objects::nonNull).toList();
        return decider.decide(title, content, channel, areas);
    }

    public TriageRecords.Stats stats(Actor actor) {
        requireCentre(actor);
        return records.stats();
    }

    /** 研判 is the district centre's work; leaders may look. */
    private static void requireCentre(Actor actor) {
        boolean allowed = actor.has(Role.OPERATOR) || actor.has(Role.LEADER) || actor.has(Role.SYSTEM)
                || (actor.has(Role.TRIAGE_OFFICER) && actor.districtWide());
        if (!allowed) {
            throw new ForbiddenException(Phrase.of("problem.triage.triage-is-for-the-district-centre", "研判队列仅限指挥中心"));
        }
    }

}
