package cn.civicloop.triage.internal;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.civicloop.cases.AppealSnapshot;
import cn.civicloop.cases.CaseCommand;
import cn.civicloop.cases.CaseManagement;
import cn.civicloop.cases.CaseQueries;
import cn.civicloop.cases.CaseStatus;
import cn.civicloop.cases.StepRemark;
import cn.civicloop.directory.Actor;
import cn.civicloop.directory.Department;
import cn.civicloop.directory.Directory;
import cn.civicloop.triage.HazardMatch;

/**
 * Triages each new case once: records the suggestions, the hazard rule that matched and the likely duplicates and,
 * when sure (and allowed by {@code civicloop.triage.auto-assign}), registers and assigns it as the system, with the
 * reason on the timeline. A matched hazard rule makes triage sure of its department, and of no other.
 */
@Component
class AutoTriage {

    private final CaseQueries cases;
    private final CaseManagement management;
    private final Directory directory;
    private final TriageDecider decider;
    private final TriageRecords records;
    private final DuplicateSearch duplicates;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final boolean autoAssign;

    AutoTriage(CaseQueries cases, CaseManagement management, Directory directory, TriageDecider decider,
            TriageRecords records, DuplicateSearch duplicates, Clock clock, TransactionTemplate tx,
            TriageProperties properties) {
        this.cases = cases;
        this.management = management;
        this.directory = directory;
        this.decider = decider;
        this.records = records;
        this.duplicates = duplicates;
        this.clock = clock;
        this.tx = tx;
        this.autoAssign = properties.autoAssign();
    }

    /**
     * Classification and the duplicate search are CPU work on data read before; only the writes (decision,
     * suggestions, duplicates, registration and assignment) share one transaction, so no database connection is
     * held while the model thinks (issue #8). Called twice for one case (a resubmitted event while the first run is
     * still busy), the decision's primary key lets only one of them write anything.
     */
    public void triage(String number) {
        AppealSnapshot s = cases.snapshot(number).orElse(null);
        if (s == null || records.decision(number).isPresent()) {
            return;
        }
        List<String> areas = Stream.of(s.streetCode(), s.communityCode(), s.gridCode()).filter(Objects::nonNull).toList();
        Outcome o = decider.decide(s.title(), s.content(), s.channel().name(), areas);
        boolean stillOpen = s.status() == CaseStatus.SUBMITTED || s.status() == CaseStatus.REGISTERED;
        String targetCode = o.targetDepartment();
        Department target = targetCode == null ? null
                : directory.departmentByCode(targetCode).filter(Department::active).orElse(null);
        // A hazard decides alone: never the classifier's department instead, even when its target is gone.
        boolean assign = autoAssign && o.auto() && stillOpen && target != null;
        List<TriageRecords.Duplicate> likely = duplicates.findFor(s);
        Long unit = !assign || o.targetUnit() == null ? null
                : directory.departmentByCode(o.targetUnit()).map(Department::id).orElse(null);
        tx.executeWithoutResult(status -> {
            if (!records.decide(new TriageRecords.Decision(number, o.modelVersion(), o.topCategory(), o.confidence(),
                    assign, assign && o.diverted(), targetCode, o.rule() == null ? null : o.rule().id(),
                    clock.instant(), null, TriageRecords.HazardRecord.of(o.hazard())), o.suggestions())) {
                return; // triaged meanwhile by another run of the same event
            }
            likely.forEach(d -> records.duplicate(number, d));
            if (assign) {
                CaseCommand assignment = new CaseCommand.Assign(target.id(), unit, note(o),
                        o.hazard() == null ? o.topCategory() : null);
                if (s.status() == CaseStatus.SUBMITTED) {
                    management.act(number, Actor.system(), new CaseCommand.Register(
                            StepRemark.of(StepRemark.Kind.AUTO_REGISTERED, null).stored()), assignment);
                } else {
                    management.act(number, Actor.system(), assignment);
                }
            }
        });
    }

    /** Why the system assigned it, as a step the timeline names in the reader's language ({@link StepRemark}). */
    private static String note(Outcome o) {
        HazardMatch h = o.hazard();
        StepRemark step = h != null
                ? StepRemark.of(StepRemark.Kind.HAZARD_ROUTED, null, h.ruleName(), h.phrase(), h.refer110(),
                        o.diverted())
                : StepRemark.of(StepRemark.Kind.AUTO_ROUTED, o.rule().note(), o.topCategory(),
                        Math.round(o.confidence() * 100));
        return step.stored();
    }
}
