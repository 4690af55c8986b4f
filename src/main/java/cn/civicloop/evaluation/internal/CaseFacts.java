package cn.civicloop.evaluation.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.civicloop.cases.AppealSnapshot;
import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.CaseEscalated;
import cn.civicloop.cases.CaseQueries;
import cn.civicloop.cases.CaseStatus;
import cn.civicloop.cases.CaseTransitioned;
import cn.civicloop.cases.CaseView;
import cn.civicloop.cases.Channel;
import cn.civicloop.cases.ClockStage;
import cn.civicloop.cases.EscalationStep;
import cn.civicloop.directory.Actor;
import cn.civicloop.media.SupervisionOpened;
import cn.civicloop.shared.NotFoundException;
import cn.civicloop.shared.SelectiveListener;

/**
 * Fills the fact table from the cases' events, after their transaction, in a transaction of its own tracked by the
 * event publication registry (a failure leaves the publication incomplete, to be resubmitted; the rows' unique
 * sources make a second run harmless). Deadlines, places and follow-up answers are read through the cases' read API
 * as the system. The department is the one holding the case at the event.
 * <p>
 * Most steps need only where the case is and who holds it, which the case's snapshot gives in one narrow read; the
 * whole view (reporters, clocks, attachments, co-handling: about eight statements and the personal data opened) is
 * read only for the steps that need its deadlines, its follow-up answer or its original ({@link #READ_IN_FULL}).
 */
@Component
class CaseFacts implements SelectiveListener {

    static final Set<CaseAction> EVALUATED = Set.of(CaseAction.ANSWER, CaseAction.ASSIGN, CaseAction.REASSIGN,
            CaseAction.ARBITRATE, CaseAction.SIGN, CaseAction.REPLY, CaseAction.REJECT, CaseAction.REWORK,
            CaseAction.FOLLOW_UP, CaseAction.CLOSE, CaseAction.REOPEN, CaseAction.MERGE, CaseAction.SUPERVISE);

    /** The steps whose fact needs more than the snapshot: the clocks' deadlines, the follow-up, the original. */
    static final Set<CaseAction> READ_IN_FULL = Set.of(CaseAction.SIGN, CaseAction.REPLY, CaseAction.FOLLOW_UP,
            CaseAction.MERGE);

    private final FactStore facts;
    private final CaseQueries cases;
    private final EvaluationProperties properties;
    private final Centre centre;

    CaseFacts(FactStore facts, CaseQueries cases, EvaluationProperties properties, Centre centre) {
        this.facts = facts;
        this.cases = cases;
        this.properties = properties;
        this.centre = centre;
    }

    /** Only the actions evaluation counts are stored as publications for this listener. */
    public static boolean concerns(CaseTransitioned event) {
        return EVALUATED.contains(event.action());
    }

    /** Only the steps {@link #concerns} names store a publication for this listener. */
    @Override
    public boolean takes(Object event) {
        return !(event instanceof CaseTransitioned t) || concerns(t);
    }

    @ApplicationModuleListener
    void on(CaseTransitioned event) {
        if (READ_IN_FULL.contains(event.action())) {
            view(event.number()).ifPresent(view -> record(event, view));
        } else {
            cases.snapshot(event.number()).ifPresent(s -> record(event, Held.of(s), null));
        }
    }

    @ApplicationModuleListener
    void on(CaseEscalated event) {
        if (event.dueAt() == null || event.percent() < 100) {
            if (event.step() == EscalationStep.SUPERVISE) {
                supervised(event.number(), event.departmentId(), event.occurredAt());
            }
            return;
        }
        cases.snapshot(event.number()).ifPresent(s -> {
            FactStore.Subject subject = subject(Held.of(s), event.departmentId());
            String n = event.number();
            if (event.stage() == ClockStage.SIGN) {
                facts.add(n + "/RESPONSE/" + event.dueAt().toEpochMilli(), n, Fact.RESPONSE, subject, event.dueAt(),
                        event.dueAt(), false, false, null);
            } else if (event.stage() == ClockStage.HANDLE) {
                facts.add(n + "/HANDLE/" + event.dueAt().toEpochMilli(), n, Fact.HANDLE, subject, event.dueAt(),
                        event.dueAt(), false, false, null);
            }
            if (event.step() == EscalationStep.SUPERVISE) {
                supervised(n, event.departmentId(), event.occurredAt());
            }
        });
    }

    /** A media supervision item (媒体曝光) on a case counts as supervision (督办) of the department it names. */
    @ApplicationModuleListener
    void on(SupervisionOpened event) {
        if (event.caseNumber() != null) {
            supervised(event.caseNumber(), event.departmentId(), event.occurredAt());
        }
    }

    /** Records what one step of a case means for evaluation; {@code view} is the case as it is now. */
    void record(CaseTransitioned e, CaseView view) {
        record(e, Held.of(view), view);
    }

    /** As above, with {@code view} read only for the steps of {@link #READ_IN_FULL} (null for the others). */
    private void record(CaseTransitioned e, Held held, CaseView view) {
        String n = e.number();
        Instant at = e.occurredAt();
        FactStore.Subject subject = subject(held, e.departmentId());
        switch (e.action()) {
            case ANSWER -> facts.add(n + "/INTAKE", n, Fact.INTAKE, centre.subject(held.streetCode(), held.gridCode()),
                    at, at, true, false, null);
            case ASSIGN, REASSIGN, ARBITRATE -> {
                boolean first = e.action() == CaseAction.ASSIGN && e.from() == CaseStatus.REGISTERED;
                if (first) {
                    facts.add(n + "/INTAKE", n, Fact.INTAKE, centre.subject(held.streetCode(), held.gridCode()), at,
                            at, false, false, null);
                } else {
                    String why = e.from() == CaseStatus.RETURN_REQUESTED ? "RETURNED" : "CHANGED";
                    facts.mark(n, Fact.DISPATCH, at, Instant.EPOCH, false, false, why);
                }
                facts.add(n + "/DISPATCH/" + at.toEpochMilli(), n, Fact.DISPATCH, subject, at, at, true, first, null);
            }
            case SIGN -> due(view, ClockStage.SIGN).ifPresent(due -> facts.add(n + "/RESPONSE/" + due.toEpochMilli(),
                    n, Fact.RESPONSE, subject, at, due, !at.isAfter(due), false, null));
            case REPLY -> {
                facts.add(n + "/REPLY/" + at.toEpochMilli(), n, Fact.REPLY, subject, at, at, false, false, null);
                due(view, ClockStage.HANDLE).ifPresent(due -> {
                    String source = n + "/HANDLE/" + due.toEpochMilli();
                    if (!facts.add(source, n, Fact.HANDLE, subject, at, due, !at.isAfter(due), false, "REPLIED")) {
                        facts.outcome(source, "REPLIED");
                    }
                });
            }
            case REJECT, REWORK -> facts.mark(n, Fact.REPLY, at, Instant.EPOCH, true, true, "REWORKED");
            case FOLLOW_UP -> facts.add(n + "/FOLLOW_UP/" + at.toEpochMilli(), n, Fact.FOLLOW_UP, subject, at, at,
                    Boolean.TRUE.equals(view.followUpResolved()),
                    false, view.satisfaction() == null ? null : view.satisfaction().name());
            case CLOSE -> facts.add(n + "/CLOSED/" + at.toEpochMilli(), n, Fact.CLOSED, subject, at, at, false, false,
                    null);
            case REOPEN -> repeated(n, at);
            case MERGE -> {
                if (view.duplicateOf() != null) {
                    repeated(view.duplicateOf(), at);
                }
            }
            case SUPERVISE -> supervised(n, e.departmentId(), at);
            default -> {
                // not evaluated
            }
        }
    }

    private void repeated(String original, Instant at) {
        facts.mark(original, Fact.CLOSED, at, at.minus(properties.repeatWindow()), true, true, "REPEATED");
    }

    private void supervised(String number, Long departmentId, Instant at) {
        cases.snapshot(number).ifPresent(s -> facts.add(number + "/SUPERVISED/" + at.toEpochMilli(), number,
                Fact.SUPERVISED, subject(Held.of(s), departmentId), at, at, true, false, null));
    }

    private static Optional<Instant> due(CaseView view, ClockStage stage) {
        return view.clocks().stream().filter(c -> c.stage() == stage && c.dueAt() != null)
                .map(CaseView.ClockView::dueAt).findFirst();
    }

    private static FactStore.Subject subject(Held held, Long departmentId) {
        Long department = departmentId != null ? departmentId : held.departmentId();
        Long unit = department != null && department.equals(held.departmentId()) ? held.unitId() : null;
        return new FactStore.Subject(department, unit, held.streetCode(), held.gridCode(),
                held.channel() == Channel.POLICE_110);
    }

    /** Where a case is and who holds it: what a fact's subject is made of. */
    private record Held(Long departmentId, Long unitId, String streetCode, String gridCode, Channel channel) {

        static Held of(CaseView view) {
            return new Held(view.departmentId(), view.unitId(), view.streetCode(), view.gridCode(), view.channel());
        }

        static Held of(AppealSnapshot s) {
            return new Held(s.departmentId(), s.unitId(), s.streetCode(), s.gridCode(), s.channel());
        }
    }

    private Optional<CaseView> view(String number) {
        try {
            return Optional.of(cases.view(number, Actor.system()));
        } catch (NotFoundException gone) {
            return Optional.empty();
        }
    }
}
