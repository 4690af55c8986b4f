package cn.civicloop.cases.internal;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.CaseEscalated;
import cn.civicloop.cases.ClockStage;
import cn.civicloop.cases.EscalationStep;
import cn.civicloop.cases.StepRemark;
import cn.civicloop.cases.internal.sla.ClockState;
import cn.civicloop.cases.internal.sla.Clocks;
import cn.civicloop.cases.internal.sla.EscalationDue;
import cn.civicloop.cases.internal.sla.EscalationLadder;
import cn.civicloop.cases.internal.sla.EscalationPlanner;
import cn.civicloop.directory.Actor;

/**
 * Carries out the rungs of the escalation ladder when a clock's timer fires: a reminder, a supervision (督办, to be
 * acknowledged by the department) or a circular to the leaders (通报). A timer of an outdated plan (the clock was
 * paused, extended, stopped or restarted since) does nothing; a rung fires at most once per clock round, which the
 * insert into {@code cases_escalation_fired} decides even when several nodes run the same timer.
 */
@Component
class EscalationFiring {

    private static final Logger log = LoggerFactory.getLogger(EscalationFiring.class);

    private final Clocks clocks;
    private final EscalationPlanner planner;
    private final Cases cases;
    private final Timeline timeline;
    private final Supervisions supervisions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EscalationFiring(Clocks clocks, EscalationPlanner planner, Cases cases, Timeline timeline, Supervisions supervisions,
            ApplicationEventPublisher events, Clock clock) {
        this.clocks = clocks;
        this.planner = planner;
        this.cases = cases;
        this.timeline = timeline;
        this.supervisions = supervisions;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public void fire(EscalationDue due) {
        ClockStage stage = ClockStage.valueOf(due.stage());
        ClockState current = clocks.find(due.caseId(), stage).orElse(null);
        if (current == null || !current.running() || current.round() != due.round()
                || current.generation() != due.generation()) {
            return; // an outdated plan: the change that outdated it scheduled its own timer
        }
        Instant now = clock.instant();
        // Every rung reached by now fires, in order (after a downtime several at once); the planner schedules the
        // timer of the next. A rung fired before (this timer ran twice, or on two nodes) is skipped by markFired.
        for (EscalationLadder.Rung rung : planner.reachedFrom(current, due.percent(), now)) {
            if (clocks.markFired(due.caseId(), stage, due.round(), rung.percent(), now)) {
                escalate(cases.byId(due.caseId()).orElseThrow(), current, rung, now);
            }
        }
    }

    private void escalate(Case c, ClockState clock, EscalationLadder.Rung rung, Instant now) {
        EscalationStep step = rung.step();
        CaseAction action = step.action();
        // the stage, the share and the step, not a sentence: the page names them in the reader's language
        String remark = StepRemark.of(StepRemark.Kind.ESCALATED, null, clock.stage(), rung.percent(), step)
                .stored(Required.MAX_REMARK);
        timeline.append(c.id, now, Actor.system(), action, c.status, c.status, remark, c.departmentId,
                Visibility.isPublic(action));
        if (step == EscalationStep.SUPERVISE && c.departmentId != null) {
            supervisions.raise(c.id, CaseAction.SUPERVISE, c.departmentId, Actor.system().displayName(), remark, now);
        }
        events.publishEvent(new CaseEscalated(c.number, clock.stage(), rung.percent(), step, c.departmentId,
                clock.dueAt(), now));
        log.info("Case {}: {}", c.number, remark);
    }
}
