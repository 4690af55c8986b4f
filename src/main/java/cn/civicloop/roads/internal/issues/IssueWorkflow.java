package cn.civicloop.roads.internal.issues;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.civicloop.directory.Actor;
import cn.civicloop.geo.GeoPoint;
import cn.civicloop.roads.internal.Chief;
import cn.civicloop.roads.internal.Patrols;
import cn.civicloop.roads.internal.RoadData;
import cn.civicloop.roads.internal.Segment;
import cn.civicloop.roads.internal.SegmentIndex;
import cn.civicloop.shared.ConflictException;
import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.shared.NotFoundException;
import cn.civicloop.shared.Phrase;
import cn.civicloop.shared.Text;
import cn.civicloop.shared.Upload;

/**
 * Issues found on the road, from the report to their end: fixed on the spot, passed to the next-level chief,
 * escalated by hand (or by {@link IssueTimers} when the holder does not answer in time), handed to the governance
 * loop as a case, or resolved. One transaction per command; every step is on the issue's record with who and why.
 * Only the chief holding an issue acts on it ({@link IssueAccess}); what may follow what is {@link IssueTransitions}.
 */
@Service
public class IssueWorkflow {

    private final IssueStore store;
    private final IssueTimers timers;
    private final IssueCases loop;
    private final IssueReader reader;
    private final RoadData data;
    private final SegmentIndex segments;
    private final Patrols patrols;
    private final Clock clock;

    IssueWorkflow(IssueStore store, IssueTimers timers, IssueCases loop, IssueReader reader, RoadData data,
            SegmentIndex segments, Patrols patrols, Clock clock) {
        this.store = store;
        this.timers = timers;
        this.loop = loop;
        this.reader = reader;
        this.data = data;
        this.segments = segments;
        this.patrols = patrols;
        this.clock = clock;
    }

    @Transactional
    public IssueView report(Chief reporter, IssueReport form, List<Upload> before, List<Upload> after) {
        String title = Text.cleanOrNull(form.title());
        if (title == null) {
            throw new InvalidInputException("title", Phrase.of("problem.roads.title-required", "请填写问题"));
        }
        String description = Objects.requireNonNullElse(Text.cleanOrNull(form.description()), title);
        Photos.checkCount(before, after);
        Segment segment = place(form);
        if (form.patrolId() != null && !Objects.equals(patrols.chiefOf(form.patrolId()).orElse(null), reporter.id())) {
            throw new InvalidInputException("patrolId", Phrase.of("problem.roads.not-your-patrol", "不是您的巡查"));
        }
        Instant now = clock.instant();
        long id = store.insert(reporter, form.patrolId(), segment == null ? null : segment.id(),
                segment != null ? Long.valueOf(segment.areaId()) : reporter.areaId(),
                segment != null && segment.squadId() != null ? segment.squadId() : reporter.squadId(), title,
                description, form.lat(), form.lon(), now);
        keepPhotos(id, "BEFORE", before);
        keepPhotos(id, "AFTER", after);
        store.step(id, now, reporter.name(), IssueAction.REPORTED, reporter.id(), null, description);
        if (Boolean.TRUE.equals(form.fixedOnSpot())) {
            fixOnSpot(id, reporter, title, description, form, segment, before, after, now);
        } else {
            Chief next = data.nextLevel(reporter).orElse(reporter);
            timers.hold(id, next, 1, now);
            if (next.id() != reporter.id()) {
                // no remark: the page words the step from the bundles, with the chief it went to
                store.step(id, now, reporter.name(), IssueAction.PASSED_UP, reporter.id(), next.id(), null);
            }
        }
        return reader.view(id, Actor.system());
    }

    /** 签收: the holder answers; the timer of this round then does nothing. */
    @Transactional
    public IssueView answer(long id, Chief chief, String remark) {
        IssueRecord r = held(id, chief, IssueAction.ANSWERED);
        if (r.answeredAt() == null) {
            Instant now = clock.instant();
            store.answered(id, now);
            store.step(id, now, chief.name(), IssueAction.ANSWERED, chief.id(), null, Text.cleanOrNull(remark));
            timers.settled(r, chief, now);
        }
        return reader.view(id, Actor.system());
    }

    /** The holder passes the issue to the next-level chief. */
    @Transactional
    public IssueView escalate(long id, Chief chief, String remark) {
        IssueRecord r = held(id, chief, IssueAction.ESCALATED);
        Chief next = data.nextLevel(chief).orElseThrow(() -> new ConflictException(
                Phrase.of("problem.roads.no-chief-above", "一级路长之上没有路长：请移交部门或吹哨")));
        Instant now = clock.instant();
        store.step(id, now, chief.name(), IssueAction.ESCALATED, chief.id(), next.id(), Text.cleanOrNull(remark));
        settleUnanswered(r, chief, now);
        timers.hold(id, next, r.round() + 1, now);
        return reader.view(id, Actor.system());
    }

    /** The holder hands a matter outside the chiefs' remit to the governance loop: a case routed by triage. */
    @Transactional
    public IssueView handOver(long id, Chief chief, Actor actor, String remark) {
        IssueRecord r = held(id, chief, IssueAction.HANDED_OVER);
        Instant now = clock.instant();
        String number = loop.handOver(r, chief, actor, Text.cleanOrNull(remark), store.photos(id));
        store.handedOver(id, IssueStatus.HANDED_OVER, number, now);
        settleUnanswered(r, chief, now);
        // the chief's own remark; the case number is the issue's, shown beside it
        store.step(id, now, chief.name(), IssueAction.HANDED_OVER, chief.id(), null, Text.cleanOrNull(remark));
        return reader.view(id, Actor.system());
    }

    /** The holder settles the issue himself. */
    @Transactional
    public IssueView resolve(long id, Chief chief, String resolution) {
        IssueRecord r = held(id, chief, IssueAction.RESOLVED);
        String text = Text.cleanOrNull(resolution);
        if (text == null) {
            throw new InvalidInputException("resolution", Phrase.of("problem.roads.resolution-required", "请填写处置结果"));
        }
        Instant now = clock.instant();
        store.resolved(id, IssueStatus.RESOLVED, text, now);
        settleUnanswered(r, chief, now);
        store.step(id, now, chief.name(), IssueAction.RESOLVED, chief.id(), null, text);
        return reader.view(id, Actor.system());
    }

    /** One of the holder's actions by its name in the URL: answer, escalate, hand-over, resolve. */
    @Transactional
    public IssueView act(long id, String action, Chief chief, Actor actor, String remark) {
        return switch (action) {
            case "answer" -> answer(id, chief, remark);
            case "escalate" -> escalate(id, chief, remark);
            case "hand-over" -> handOver(id, chief, actor, remark);
            case "resolve" -> resolve(id, chief, remark);
            default -> throw new InvalidInputException("action",
                    Phrase.of("problem.roads.unknown-action", "未知操作：{0}", action));
        };
    }

    private void fixOnSpot(long id, Chief reporter, String title, String description, IssueReport form, Segment segment,
            List<Upload> before, List<Upload> after, Instant now) {
        String resolution = Text.cleanOrNull(form.resolution());
        if (resolution == null) {
            throw new InvalidInputException("resolution", Phrase.of("problem.roads.fix-needs-resolution", "现场处置请填写处置结果"));
        }
        if (before.isEmpty() && after.isEmpty()) {
            throw new InvalidInputException("photos", Phrase.of("problem.roads.fix-needs-photo", "现场处置请附处置前后照片"));
        }
        List<Upload> all = new ArrayList<>(before);
        all.addAll(after);
        String number = loop.fixedOnSpot(id, reporter, title, description, resolution, form,
                segment == null ? null : segment.id(), all);
        store.fixed(id, IssueTransitions.require(IssueTransitions.START, IssueAction.FIXED), number, resolution, now);
        store.step(id, now, reporter.name(), IssueAction.FIXED, reporter.id(), null, resolution);
    }

    /**
     * Passing an issue up, handing it over or resolving it ends the holder's round by his own act: he took the issue
     * up then, so the round is answered at that moment (hand-over and resolution store it as the answer too). Without
     * this the round's timer, which only acts on a pending issue still in that round, would never settle it.
     */
    private void settleUnanswered(IssueRecord round, Chief chief, Instant at) {
        if (round.answeredAt() == null) {
            timers.settled(round, chief, at);
        }
    }

    /** The issue, if {@code chief} holds it and {@code action} may be taken on it now. */
    private IssueRecord held(long id, Chief chief, IssueAction action) {
        IssueRecord r = store.find(id).orElseThrow(() -> new NotFoundException(
                Phrase.of("problem.roads.no-such-issue", "没有这个路长问题：{0}", id)));
        IssueAccess.requireHolder(chief, r);
        IssueTransitions.require(r.status(), action);
        return r;
    }

    private Segment place(IssueReport form) {
        if (form.segmentCode() != null && !form.segmentCode().isBlank()) {
            return data.segmentByCode(form.segmentCode().strip()).orElseThrow(() ->
                    new InvalidInputException("segmentCode", Phrase.of("problem.roads.no-such-segment", "没有这个路段")));
        }
        if (form.lat() == null || form.lon() == null) {
            return null;
        }
        GeoPoint point;
        try {
            point = new GeoPoint(form.lat(), form.lon());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("lat", Phrase.of("problem.roads.invalid-coordinates", "坐标无效"));
        }
        return segments.snap(point).flatMap(snap -> data.segment(snap.segmentId())).orElse(null);
    }

    private void keepPhotos(long id, String phase, List<Upload> photos) {
        for (Upload u : photos) {
            store.keepPhoto(id, phase, u, Photos.check(u));
        }
    }
}
