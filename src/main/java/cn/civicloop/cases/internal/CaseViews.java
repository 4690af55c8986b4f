package cn.civicloop.cases.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.CaseStatus;
import cn.civicloop.cases.CaseView;
import cn.civicloop.cases.PublicCaseView;
import cn.civicloop.cases.Satisfaction;
import cn.civicloop.cases.StepRemark;
import cn.civicloop.cases.internal.ActionEntry.Offer;
import cn.civicloop.cases.internal.sla.ClockMath;
import cn.civicloop.cases.internal.sla.TrafficLight;
import cn.civicloop.directory.Actor;
import cn.civicloop.directory.Directory;
import cn.civicloop.directory.Role;
import cn.civicloop.shared.Masking;

/** A case as a member of staff sees it (with what he may do now) and as its resident sees it (public parts only). */
@Component
class CaseViews {

    private final Cases cases;
    private final Timeline timeline;
    private final Reporters reporters;
    private final Attachments attachments;
    private final Directory directory;
    private final ClockMath math;
    private final CoHandling coHandling;
    private final Supervisions supervisions;
    private final CaseLookup lookup;
    private final Clock clock;

    CaseViews(Cases cases, Timeline timeline, Reporters reporters, Attachments attachments, Directory directory,
            ClockMath math, CoHandling coHandling, Supervisions supervisions, CaseLookup lookup,
            Clock clock) {
        this.cases = cases;
        this.timeline = timeline;
        this.reporters = reporters;
        this.attachments = attachments;
        this.directory = directory;
        this.math = math;
        this.coHandling = coHandling;
        this.supervisions = supervisions;
        this.lookup = lookup;
        this.clock = clock;
    }

    /** Whether {@link #view} shows this reader the resident's name and phone in clear. */
    static boolean showsContact(Case c, Actor reader) {
        return !(c.anonymous && !reader.districtWide()) && (c.contactPhone != null || c.contactName != null);
    }

    CaseView view(Case c, Actor reader) {
        boolean hideContact = c.anonymous && !reader.districtWide();
        CaseHolders holders = lookup.holders(c);
        int openSupervisions = supervisions.open(c.id);
        CoHandling.TaskStatus ownTask = reader.departmentId() == null ? null
                : coHandling.task(c.id, reader.departmentId()).filter(t -> !t.done()).map(CoHandling.CoTask::status)
                        .orElse(null);
        Set<CaseAction> allowed = EnumSet.noneOf(CaseAction.class);
        Transitions.allowedIn(c.status).stream()
                .filter(a -> CaseAccess.mayPerform(reader, a, holders))
                .filter(a -> offered(ActionCatalogue.entry(a).offer(), openSupervisions, holders, ownTask, c))
                .forEach(allowed::add);
        return new CaseView(c.number, c.status, c.status.label(), c.channel, c.externalRef, c.kind, c.urgency,
                c.category, c.title, c.content, c.address, c.lat, c.lon, c.streetCode, c.communityCode, c.gridCode,
                hideContact ? Masking.name(c.contactName) : c.contactName,
                hideContact ? Masking.phone(c.contactPhone) : c.contactPhone, c.anonymous, c.departmentId,
                name(c.departmentId), c.unitId, name(c.unitId), c.handlerId, c.dueAt, c.replyText,
                c.extensionDays, c.followUpResolved, c.satisfaction,
                c.duplicateOf == null ? null : cases.numberOf(c.duplicateOf).orElse(null), c.reworkCount,
                c.reopenCount, c.returnCount, reporters.count(c.id), c.createdAt, c.updatedAt, c.closedAt, c.version,
                allowed, attachments.of(c.id), clockViews(c), coTaskViews(c), openSupervisions, c.arbitrated,
                reporterViews(c, hideContact), c.urgencyHint, placeMatch(c), PlaceCorrection.mayFix(c, reader));
    }

    private static cn.civicloop.cases.PlaceMatch placeMatch(Case c) {
        return c.placeLevel == null ? null : new cn.civicloop.cases.PlaceMatch(c.placeLevel,
                c.placeConfidence == null ? 0 : c.placeConfidence, c.placeToConfirm, null);
    }

    /** Every reporter and his own answer: a merged duplicate's reporter is asked at follow-up like the first. */
    private List<CaseView.ReporterView> reporterViews(Case c, boolean hideContact) {
        return reporters.of(c.id).stream().map(r -> new CaseView.ReporterView(r.ownNumber(), r.channel(),
                hideContact ? Masking.name(r.contactName()) : r.contactName(),
                hideContact ? Masking.phone(r.contactPhone()) : r.contactPhone(), r.resolved(), r.satisfaction(),
                r.answeredAt())).toList();
    }

    /** Offer an action only when it has something to act on. */
    private static boolean offered(Offer offer, int openSupervisions, CaseHolders holders,
            CoHandling.TaskStatus ownTask, Case c) {
        return switch (offer) {
            case ALWAYS -> true;
            case WITH_OPEN_SUPERVISION -> openSupervisions > 0;
            case WITH_CO_HANDLERS -> !holders.coHandlers().isEmpty();
            case WITH_CO_TASK_TO_SIGN -> ownTask == CoHandling.TaskStatus.ASSIGNED;
            case WITH_SIGNED_CO_TASK -> ownTask == CoHandling.TaskStatus.IN_PROGRESS;
            case AFTER_FOLLOW_UP -> c.followUpResolved != null;
            case WITH_URGENCY_HINT -> c.urgencyHint != null;
        };
    }

    private List<CaseView.ClockView> clockViews(Case c) {
        Instant now = clock.instant();
        return timeline.clocks(c.id).stream().map(k -> {
            double percent = Math.round(math.percent(k, now) * 10) / 10.0;
            String state = k.stoppedAt() != null ? "STOPPED" : k.pausedAt() != null ? "PAUSED" : "RUNNING";
            return new CaseView.ClockView(k.stage(), k.stage().label(), k.round(), k.startedAt(), k.dueAt(), percent,
                    TrafficLight.of(percent).name(), state);
        }).toList();
    }

    private List<CaseView.CoTaskView> coTaskViews(Case c) {
        return coHandling.of(c.id).stream().map(t -> new CaseView.CoTaskView(t.departmentId(),
                name(t.departmentId()), t.status().name(), t.dueAt(), t.repliedAt(), t.replyText(),
                t.closedNote())).toList();
    }

    /**
     * The resident's view of his own case {@code own}, handled by {@code c}: the same case, or the one his case
     * was merged into, whose progress, result and follow-up are then his too.
     */
    PublicCaseView publicView(Case own, Case c) {
        boolean merged = !own.id.equals(c.id);
        boolean replyPublished = replyPublished(c);
        List<PublicCaseView.PublicEntry> entries = new ArrayList<>();
        if (merged) {
            publicEntries(own, entries);
        }
        publicEntries(c, entries);
        entries.sort(java.util.Comparator.comparing(PublicCaseView.PublicEntry::at));
        List<cn.civicloop.cases.CaseView.AttachmentInfo> photos = publicPhotos(own, c);
        Optional<Reporters.Reporter> answer = reporters.answerOf(c.id, own.id);
        // his own answer; on a case of one reporter, also what an operator recorded when calling him back
        Boolean resolved = answer.map(Reporters.Reporter::resolved).orElse(merged ? null : c.followUpResolved);
        Satisfaction satisfaction = answer.map(Reporters.Reporter::satisfaction).orElse(merged ? null : c.satisfaction);
        boolean mayAnswer = c.status == CaseStatus.AWAITING_FOLLOW_UP && answer.isEmpty()
                && (merged || reporters.count(c.id) > 1 || c.satisfaction == null);
        return new PublicCaseView(own.number, merged ? c.number : null, c.status, c.status.label(), own.channel,
                own.channel.label(), own.title, own.content, own.address, Masking.name(own.contactName),
                Masking.phone(own.contactPhone), name(c.departmentId), own.createdAt, c.dueAt,
                replyPublished ? c.replyText : null, resolved, satisfaction, mayAnswer,
                c.status == CaseStatus.CLOSED && c.reopenCount == 0, entries, photos);
    }

    /** The photos the resident of {@code own} may see: a reply's evidence only once the reply is published. */
    List<cn.civicloop.cases.CaseView.AttachmentInfo> publicPhotos(Case own, Case c) {
        List<cn.civicloop.cases.CaseView.AttachmentInfo> photos = new ArrayList<>();
        if (!own.id.equals(c.id)) {
            photos.addAll(attachments.publicOf(own.id, null));
        }
        photos.addAll(attachments.publicOf(c.id, replyPublished(c) ? timeline.latestReply(c.id).orElse(null) : null));
        return photos;
    }

    private static boolean replyPublished(Case c) {
        return c.status == CaseStatus.AWAITING_FOLLOW_UP || c.status == CaseStatus.CLOSED;
    }

    private void publicEntries(Case c, List<PublicCaseView.PublicEntry> entries) {
        for (Timeline.Row r : timeline.of(c.id)) {
            if (r.publicEntry()) {
                PublicCaseView.Party party = party(r);
                String department = party == PublicCaseView.Party.DEPARTMENT ? name(r.departmentId()) : null;
                String remark = Visibility.remarkIsPublic(r.action()) ? r.reason() : null;
                entries.add(new PublicCaseView.PublicEntry(r.at(), r.action(), r.action().label(), r.to(),
                        r.to().label(), department != null ? department : party.label(), party, department, remark,
                        StepRemark.parse(r.action(), r.actorRole(), remark).orElse(null)));
            }
        }
    }

    /** Who did it, as the resident is told: his own side, the system, the department or the centre, never a name. */
    private static PublicCaseView.Party party(Timeline.Row r) {
        return switch (Role.valueOf(r.actorRole())) {
            case HANDLER, DEPT_HEAD -> PublicCaseView.Party.DEPARTMENT;
            case RESIDENT -> PublicCaseView.Party.RESIDENT;
            case SYSTEM -> PublicCaseView.Party.SYSTEM;
            default -> PublicCaseView.Party.CENTRE;
        };
    }

    private String name(Long departmentId) {
        return DepartmentNames.of(directory, departmentId);
    }
}
