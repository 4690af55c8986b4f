package cn.civicloop.cases.internal;

import java.time.Clock;
import java.time.Instant;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.CaseCommand;
import cn.civicloop.cases.CaseManagement;
import cn.civicloop.cases.CaseStatus;
import cn.civicloop.cases.CaseTransitioned;
import cn.civicloop.cases.CaseView;
import cn.civicloop.cases.FollowUpAnswered;
import cn.civicloop.cases.NewAppeal;
import cn.civicloop.cases.OpenedCase;
import cn.civicloop.cases.PublicCaseView;
import cn.civicloop.cases.Satisfaction;
import cn.civicloop.cases.StepRemark;
import cn.civicloop.cases.internal.sla.ClockKeeper;
import cn.civicloop.directory.Actor;
import cn.civicloop.shared.Phrase;
import cn.civicloop.shared.ConflictException;
import cn.civicloop.shared.ForbiddenException;

/**
 * Runs each case command in one transaction: check (the catalogue's rights and statuses), change (the action's
 * handler), record (status, clocks, timeline, evidence) and publish.
 */
@Service
class CaseService implements CaseManagement {

    private final Cases cases;
    private final Timeline timeline;
    private final Attachments attachments;
    private final CaseWorkflow workflow;
    private final CaseIntake intake;
    private final CaseLookup lookup;
    private final CaseViews views;
    private final ApplicationEventPublisher events;
    private final ClockKeeper clocks;
    private final Reporters reporters;
    private final Clock clock;

    CaseService(Cases cases, Timeline timeline, Attachments attachments, CaseWorkflow workflow, CaseIntake intake,
            CaseLookup lookup, CaseViews views, ApplicationEventPublisher events, ClockKeeper clocks,
            Reporters reporters, Clock clock) {
        this.reporters = reporters;
        this.cases = cases;
        this.timeline = timeline;
        this.attachments = attachments;
        this.workflow = workflow;
        this.intake = intake;
        this.lookup = lookup;
        this.views = views;
        this.events = events;
        this.clocks = clocks;
        this.clock = clock;
    }

    @Override
    public OpenedCase open(NewAppeal appeal, Actor submitter) {
        return intake.open(appeal, submitter);
    }

    @Override
    @Transactional
    public CaseView perform(String number, CaseCommand command, Actor actor) {
        Case c = lookup.readable(number, actor);
        execute(c, command, actor);
        return views.view(c, actor);
    }

    @Override
    @Transactional
    public void act(String number, Actor actor, CaseCommand... commands) {
        Case c = lookup.readable(number, actor);
        // Several steps at once (triage registers and assigns): the row is written once, after the last one.
        for (int i = 0; i < commands.length; i++) {
            execute(c, commands[i], actor, i == commands.length - 1);
        }
    }

    @Override
    @Transactional
    public PublicCaseView answerFollowUp(String number, String token, boolean resolved, Satisfaction satisfaction,
            String comment) {
        CaseLookup.ResidentAccess access = lookup.resident(number, token);
        Case c = access.handling();
        if (reporters.answerOf(c.id, access.own().id).isPresent()) {
            throw new ConflictException(
                    Phrase.of("problem.cases.you-have-already-answered-this-follow-up", "您已经评价过本次办理"));
        }
        // a merged duplicate's reporter answers on the case kept: the entry names his own case's number as a value
        execute(c, new CaseCommand.FollowUp(resolved, satisfaction, comment,
                access.merged() ? access.own().number : null), Actor.resident());
        reporters.answered(c.id, access.own().id, resolved, satisfaction, clock.instant());
        // every reporter is asked; the case closes by itself once all have answered and none is dissatisfied
        if (c.satisfaction != Satisfaction.DISSATISFIED && reporters.unanswered(c.id) == 0) {
            execute(c, new CaseCommand.Close(StepRemark.of(StepRemark.Kind.AUTO_CLOSED, null, c.satisfaction)
                    .stored(Required.MAX_REMARK)), Actor.system());
        }
        return views.publicView(access.own(), c);
    }

    @Override
    @Transactional
    public PublicCaseView reopen(String number, String token, String reason) {
        CaseLookup.ResidentAccess access = lookup.resident(number, token);
        execute(access.handling(), new CaseCommand.Reopen(reason), Actor.resident());
        return views.publicView(access.own(), access.handling());
    }

    private void execute(Case c, CaseCommand command, Actor actor) {
        execute(c, command, actor, true);
    }

    private void execute(Case c, CaseCommand command, Actor actor, boolean store) {
        CaseAction action = command.action();
        if (!CaseAccess.mayPerform(actor, action, lookup.holders(c, actor))) {
            throw new ForbiddenException(Phrase.of("problem.cases.role-may-not", "您的角色不能执行「{0}」",
                    Phrase.of(action.labelKey(), action.label())));
        }
        if (Transitions.target(c.status, action).isEmpty()) {
            c.moveTo(action, clock.instant()); // throws the readable conflict
        }
        Instant now = clock.instant();
        Step step = workflow.apply(c, command, actor, now);
        record(c, command, actor, now, step, store);
    }

    private void record(Case c, CaseCommand command, Actor actor, Instant now, Step step, boolean store) {
        ActionEntry entry = ActionCatalogue.entry(command.action());
        CaseStatus from = c.moveTo(command.action(), now);
        if (from.ended()) {
            timeline.unpack(c.id); // a packed case's clocks come back before they move (ADR 0067)
        }
        Instant due = clocks.acted(c.id, c.limitKey(), entry.clocks(), step.extensionDays(), now);
        if (due != null) {
            c.dueAt = due;
        }
        if (store) {
            cases.update(c);
        }
        Long department = step.departmentId() != null ? step.departmentId() : c.departmentId;
        long entryId = timeline.append(c.id, now, actor, command.action(), from, c.status, step.remark(), department,
                Visibility.isPublic(command));
        step.evidence().forEach(p -> attachments.store(c.id, entryId, "EVIDENCE", p, now));
        events.publishEvent(new CaseTransitioned(c.number, command.action(), from, c.status, c.departmentId,
                actor.staffId(), now, c.channel));
        if (command instanceof CaseCommand.FollowUp answer && answer.satisfaction() != null) {
            events.publishEvent(new FollowUpAnswered(c.number, answer.resolved(), answer.satisfaction(),
                    c.departmentId, actor.staffId(), now));
        }
    }
}
