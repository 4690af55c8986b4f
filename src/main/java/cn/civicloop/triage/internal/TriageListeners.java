package cn.civicloop.triage.internal;

import java.time.Clock;
import java.util.Set;
import java.util.concurrent.Semaphore;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import cn.civicloop.cases.AppealSnapshot;
import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.CaseOpened;
import cn.civicloop.cases.CaseQueries;
import cn.civicloop.cases.CaseTransitioned;
import cn.civicloop.directory.Department;
import cn.civicloop.directory.Directory;
import cn.civicloop.shared.SelectiveListener;

/**
 * Triage listens to the case loop: every new case is triaged once, after its intake committed; a dispatcher's
 * reassignment, a department's return and a manual assignment against the suggestion are counted as corrections
 * and kept as training examples.
 */
@Component
class TriageListeners implements SelectiveListener {

    private static final Set<CaseAction> CORRECTIONS = Set.of(CaseAction.REASSIGN, CaseAction.RETURN, CaseAction.ASSIGN,
            CaseAction.ARBITRATE);

    private final AutoTriage triage;
    private final TriageRecords records;
    private final CaseQueries cases;
    private final Directory directory;
    private final Catalogue catalogue;
    private final Clock clock;

    private final Semaphore working;

    TriageListeners(TriageProperties properties, AutoTriage triage, TriageRecords records, CaseQueries cases,
            Directory directory, Catalogue catalogue, Clock clock) {
        // 0: half the cores, at least one (on the 2-core reference machine: one case at a time).
        int concurrency = properties.concurrency();
        this.working = new Semaphore(concurrency > 0 ? concurrency
                : Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
        this.triage = triage;
        this.records = records;
        this.cases = cases;
        this.directory = directory;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /**
     * Not an {@code @ApplicationModuleListener}: that would wrap the whole triage in one transaction, holding a
     * database connection while the model classifies; {@link AutoTriage} opens its own short one for the writes.
     * Still asynchronous, after the intake's commit, and recorded in the event publication registry like any
     * transactional listener (issue #8).
     */
    @Async
    @TransactionalEventListener
    void on(CaseOpened opened) throws InterruptedException {
        // Classification is CPU work: at most `concurrency` cases at once, so that under a burst the intake, which
        // answers the resident, keeps its share of the cores; the rest wait here, their publications stay
        // incomplete in the registry until done, and nothing is lost if the instance dies meanwhile.
        working.acquire();
        try {
            triage.triage(opened.number());
        } finally {
            working.release();
        }
    }

    /**
     * Only a member of staff's assignment, reassignment, return or arbitration can correct the triage; this keeps the
     * registry from storing a publication for every other step (issue #8). Every new case is triaged.
     */
    @Override
    public boolean takes(Object event) {
        return !(event instanceof CaseTransitioned t) || t.byStaff() && CORRECTIONS.contains(t.action());
    }

    @ApplicationModuleListener
    void on(CaseTransitioned event) {
        if (!CORRECTIONS.contains(event.action()) || event.actorStaffId() == null) {
            return; // the system's own assignment is not a correction
        }
        records.decision(event.number()).ifPresent(decision -> {
            String finalCode = event.departmentId() == null ? null
                    : directory.department(event.departmentId()).map(Department::code).orElse(null);
            String kind = switch (event.action()) {
                case RETURN -> "RETURN";
                case ASSIGN -> decision.autoRouted() || sameAsSuggested(decision, finalCode) ? null : "OVERRIDE";
                default -> "REASSIGN";
            };
            if (kind == null) {
                return;
            }
            AppealSnapshot s = cases.snapshot(event.number()).orElseThrow();
            String label = "RETURN".equals(kind) ? null : categoryOf(finalCode);
            records.correct(event.number(), kind, event.departmentId(), s.title(), s.content(), label, clock.instant());
        });
    }

    /** The department triage pointed to: a hazard rule's, else the classifier's top suggestion's. */
    private boolean sameAsSuggested(TriageRecords.Decision decision, String departmentCode) {
        if (decision.hazard() != null) {
            return departmentCode != null && departmentCode.equals(decision.departmentCode());
        }
        return records.suggestions(decision.caseNumber()).stream().findFirst()
                .map(top -> departmentCode != null && departmentCode.equals(top.departmentCode())).orElse(true);
    }

    /** The category the catalogue routes to a department: the label a dispatcher's choice teaches. */
    private String categoryOf(String departmentCode) {
        return catalogue.rules().stream()
                .filter(r -> r.departmentCode().equals(departmentCode) && !Rule.ANY.equals(r.category()))
                .map(Rule::category).findFirst().orElse(null);
    }
}
