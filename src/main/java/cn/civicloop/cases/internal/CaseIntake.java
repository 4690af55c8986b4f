package cn.civicloop.cases.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.CaseOpened;
import cn.civicloop.cases.CaseStatus;
import cn.civicloop.cases.CaseTransitioned;
import cn.civicloop.cases.NewAppeal;
import cn.civicloop.cases.OpenedCase;
import cn.civicloop.cases.PlaceMatch;
import cn.civicloop.cases.StepRemark;
import cn.civicloop.cases.internal.sla.ClockKeeper;
import cn.civicloop.cases.internal.sla.LimitKey;
import cn.civicloop.directory.Actor;
import cn.civicloop.directory.Role;

/**
 * Opens cases. The same channel + external reference never opens a second case: the unique constraint decides
 * even between concurrent submissions, and the loser answers with the winner's case.
 */
@Component
class CaseIntake {

    private final Cases cases;
    private final Timeline timeline;
    private final Reporters reporters;
    private final Attachments attachments;
    private final AttachmentPolicy photos;
    private final CaseNumbers numbers;
    private final TrackingTokens tokens;
    private final ClockKeeper clocks;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    CaseIntake(Cases cases, Timeline timeline, Reporters reporters, Attachments attachments, AttachmentPolicy photos,
            CaseNumbers numbers, TrackingTokens tokens, ClockKeeper clocks, ApplicationEventPublisher events,
            TransactionTemplate tx, Clock clock) {
        this.cases = cases;
        this.timeline = timeline;
        this.reporters = reporters;
        this.attachments = attachments;
        this.photos = photos;
        this.numbers = numbers;
        this.tokens = tokens;
        this.clocks = clocks;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    OpenedCase open(NewAppeal appeal, Actor submitter) {
        List<AttachmentPolicy.CheckedPhoto> checked = photos.check("photos", appeal.photos());
        Optional<OpenedCase> earlier = earlier(appeal);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Instant now = clock.instant();
        // Drawn outside the intake transaction, so no connection is held while waiting for a number (ADR 0004).
        String number = numbers.next(now);
        try {
            return tx.execute(status -> create(appeal, submitter, checked, number, now));
        } catch (DataIntegrityViolationException | ConcurrencyFailureException raced) {
            // A concurrent submission with the same reference won and this transaction rolled back: the number
            // drawn for it was never stored, so it goes back for the next intake instead of leaving a gap.
            numbers.giveBack(number);
            return earlier(appeal).orElseThrow(() -> raced);
        }
    }

    /**
     * The case an earlier submission with the same channel + reference opened: its number and status, never its
     * tracking token. The first answer is the only one that carries the token; whoever repeats channel, reference,
     * text and phone learns nothing that lets him read the case (ADR 0004).
     */
    private Optional<OpenedCase> earlier(NewAppeal appeal) {
        if (appeal.externalRef() == null) {
            return Optional.empty();
        }
        return cases.byChannelReference(appeal.channel(), appeal.externalRef()).map(c -> new OpenedCase(c.number,
                null, c.status, c.status.label(), c.dueAt, false));
    }

    private OpenedCase create(NewAppeal a, Actor submitter, List<AttachmentPolicy.CheckedPhoto> checked,
            String number, Instant now) {
        Case c = fromAppeal(a, now);
        c.number = number;
        cases.insert(c);
        clocks.opened(c.id, c.limitKey(), now);
        reporters.addOriginal(c);
        long entry = timeline.append(c.id, now, submitter, CaseAction.SUBMIT, null, c.status, received(a), null,
                Visibility.isPublic(CaseAction.SUBMIT));
        checked.forEach(p -> attachments.store(c.id, entry, "APPEAL", p, now));
        if (submitter.has(Role.OPERATOR)) {
            // The hotline operator who types in a call has accepted it by doing so (受理).
            CaseStatus from = c.moveTo(CaseAction.REGISTER, now);
            cases.update(c);
            timeline.append(c.id, now, submitter, CaseAction.REGISTER, from, c.status, null, null,
                    Visibility.isPublic(CaseAction.REGISTER));
        }
        events.publishEvent(new CaseOpened(c.number, c.channel, c.kind, c.urgency, c.streetCode, c.dueAt, now));
        events.publishEvent(new CaseTransitioned(c.number, CaseAction.SUBMIT, null, c.status, null,
                submitter.staffId(), now, c.channel));
        return new OpenedCase(c.number, tokens.tokenFor(c.number), c.status, c.status.label(), c.dueAt, true);
    }

    private Case fromAppeal(NewAppeal a, Instant now) {
        Case c = new Case();
        c.status = CaseStatus.SUBMITTED;
        c.channel = a.channel();
        c.externalRef = a.externalRef();
        c.kind = a.kind();
        c.urgency = a.urgency();
        c.urgencyHint = a.urgencyHint();
        c.category = a.category();
        c.title = a.title();
        c.content = a.content();
        c.address = a.address();
        c.lat = a.lat();
        c.lon = a.lon();
        c.streetCode = a.streetCode();
        c.communityCode = a.communityCode();
        c.gridCode = a.gridCode();
        if (a.place() != null) {
            c.placeLevel = a.place().level();
            c.placeConfidence = a.place().confidence();
            c.placeToConfirm = a.place().toConfirm();
        }
        c.contactName = a.contactName();
        c.contactPhone = a.contactPhone();
        c.anonymous = a.anonymous();
        c.dueAt = clocks.handlingDeadline(new LimitKey(a.category(), a.kind(), a.urgency()), now);
        c.createdAt = now;
        c.updatedAt = now;
        return c;
    }

    /**
     * The record of the appeal received, as values ({@link StepRemark.Kind#SUBMITTED}): its channel, the urgency the
     * resident asked for (to be confirmed at triage), and how the address words placed it: at a named place with the
     * match's confidence, or nowhere; and whether the place is to be confirmed.
     */
    private static String received(NewAppeal a) {
        PlaceMatch place = a.place();
        String placed = place == null ? null : place.label() == null ? StepRemark.NOT_PLACED : StepRemark.PLACED;
        return StepRemark.of(StepRemark.Kind.SUBMITTED, null, a.channel(), a.urgencyHint(), placed,
                place == null ? null : place.label(),
                place == null || place.label() == null ? null
                        : String.format(java.util.Locale.ROOT, "%.2f", place.confidence()),
                place != null && place.toConfirm() ? StepRemark.TO_CONFIRM : null).stored(Required.MAX_REMARK);
    }
}
