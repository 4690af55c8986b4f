package cn.civicloop.media.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;

import cn.civicloop.board.BoardItems;
import cn.civicloop.calendar.BusinessCalendar;
import cn.civicloop.calendar.TimeLimit;
import cn.civicloop.cases.AppealSnapshot;
import cn.civicloop.cases.CaseQueries;
import cn.civicloop.cases.MediaSupervisionTimeline;
import cn.civicloop.cases.MediaSupervisionTimeline.Step;
import cn.civicloop.directory.Actor;
import cn.civicloop.directory.Department;
import cn.civicloop.directory.Directory;
import cn.civicloop.directory.Role;
import cn.civicloop.media.SupervisionOpened;
import cn.civicloop.shared.AuditTrail;
import cn.civicloop.shared.ConflictException;
import cn.civicloop.shared.ForbiddenException;
import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.shared.NotFoundException;
import cn.civicloop.shared.Phrase;
import cn.civicloop.shared.Text;

/**
 * The life of a supervision item: opened by the media centre on a case (its holding department) or a department,
 * with a response deadline on the business calendar and a timer; answered by that department; escalated when the
 * deadline passes unanswered; shown on the public board only when the media centre publishes it (again, to show a
 * response that came later). Every step is in the item's history and the audit log, with who, when and why, and
 * an item on a case writes its opening, response and publication on the case's timeline too.
 */
@Service
public class Items {

    private final ItemStore store;
    private final CaseQueries cases;
    private final MediaSupervisionTimeline caseTimeline;
    private final Directory directory;
    private final BusinessCalendar calendar;
    private final BoardItems board;
    private final SchedulerClient scheduler;
    private final OneTimeTask<ItemDue> timer;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final MediaProperties settings;
    private final Clock clock;

    Items(ItemStore store, CaseQueries cases, MediaSupervisionTimeline caseTimeline, Directory directory,
            BusinessCalendar calendar, BoardItems board,
            SchedulerClient scheduler, OneTimeTask<ItemDue> mediaItemDueTask, ApplicationEventPublisher events,
            AuditTrail audit, MediaProperties settings, Clock clock) {
        this.store = store;
        this.cases = cases;
        this.caseTimeline = caseTimeline;
        this.directory = directory;
        this.calendar = calendar;
        this.board = board;
        this.scheduler = scheduler;
        this.timer = mediaItemDueTask;
        this.events = events;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /** What the media centre asks: on a case (its number) or on a department (its id). */
    public record NewItem(String caseNumber, Long departmentId, String title, String body) {
    }

    @Transactional
    public Item open(NewItem request, Actor actor) {
        String title = required("title", request.title(), 200);
        String body = required("body", request.body(), 4000);
        String caseNumber = Text.cleanOrNull(request.caseNumber());
        long departmentId;
        if (caseNumber != null) {
            AppealSnapshot c = cases.snapshot(caseNumber).orElseThrow(() -> new NotFoundException(
                    Phrase.of("problem.media.case-not-found", "没有这个工单：{0}", caseNumber)));
            if (c.departmentId() == null) {
                throw new InvalidInputException("caseNumber", Phrase.of("problem.media.case-not-assigned",
                        "工单 {0} 尚未派给承办单位，无法监督", caseNumber));
            }
            departmentId = c.departmentId();
        } else if (request.departmentId() != null && directory.department(request.departmentId()).isPresent()) {
            departmentId = request.departmentId();
        } else {
            throw new InvalidInputException("departmentId", Phrase.of("problem.media.subject-required",
                    "请填写工单号或选择被监督的部门"));
        }
        Instant now = clock.instant();
        Instant due = calendar.deadline(now, TimeLimit.workingDays(settings.responseDays()));
        long id = store.insert(caseNumber != null ? "CASE" : "DEPARTMENT", caseNumber, departmentId, title, body,
                actor.username(), now, due);
        store.history(id, now, actor.username(), "OPENED", title);
        if (caseNumber != null) {
            caseTimeline.record(caseNumber, Step.OPENED, id, title, actor);
        }
        scheduler.scheduleIfNotExists(timer.instance(new ItemDue(id).instanceId(), new ItemDue(id)), due);
        events.publishEvent(new SupervisionOpened(id, caseNumber, departmentId, now));
        audit.record("MEDIA_ITEM_OPENED", "media-item:" + id, "OK", title);
        return store.find(id).orElseThrow();
    }

    /** The department's public response; {@code version} is the one the responder read (optimistic locking). */
    @Transactional
    public Item respond(long id, Integer version, String text, Actor actor) {
        Item item = readable(id, actor);
        if (!actor.has(Role.HANDLER) && !actor.has(Role.DEPT_HEAD) || !ofDepartment(item, actor)) {
            throw new ForbiddenException(Phrase.of("problem.media.not-your-item", "只有被监督部门可以回应"));
        }
        // the reviewer must not be the reviewed: the media centre is a department too (RMT), and one of its
        // handlers may hold the media role, so an item on RMT could otherwise be answered by its own supervisor
        if (actor.has(Role.MEDIA_OFFICER) || actor.username().equals(item.openedBy())) {
            throw new ForbiddenException(Phrase.of("problem.media.supervisor-may-not-respond",
                    "监督事项不能由立项或发布它的人回应，请由部门其他人员回应"));
        }
        String response = required("response", text, 4000);
        if (item.respondedAt() != null) {
            throw new ConflictException(Phrase.of("problem.media.already-responded", "该监督事项已经回应过了"));
        }
        Instant now = clock.instant();
        if (!store.respond(id, version == null ? item.version() : version, response, actor.username(), now)) {
            throw new ConflictException(Phrase.of("problem.media.changed", "该监督事项已被他人修改，请刷新后重试"));
        }
        store.history(id, now, actor.username(), "RESPONDED", response);
        if (item.caseNumber() != null) {
            caseTimeline.record(item.caseNumber(), Step.RESPONDED, id, response, actor);
        }
        audit.record("MEDIA_ITEM_RESPONDED", "media-item:" + id, "OK", null);
        return store.find(id).orElseThrow();
    }

    /** Shows the item, with the response it has now, on the public board. */
    @Transactional
    public Item publish(long id, Integer version, String reason, Actor actor) {
        Item item = store.find(id).orElseThrow(() -> notFound(id));
        Instant now = clock.instant();
        if (!store.publish(id, version == null ? item.version() : version, now)) {
            throw new ConflictException(Phrase.of("problem.media.changed", "该监督事项已被他人修改，请刷新后重试"));
        }
        store.history(id, now, actor.username(), "PUBLISHED", Text.cleanOrNull(reason));
        if (item.caseNumber() != null) {
            caseTimeline.record(item.caseNumber(), Step.PUBLISHED, id, reason, actor);
        }
        audit.record("MEDIA_ITEM_PUBLISHED", "media-item:" + id, "OK", Text.cleanOrNull(reason));
        Item published = store.find(id).orElseThrow();
        board.publish(toBoard(published));
        return published;
    }

    /** The timer: escalates an item still unanswered, once; an item answered in time is left as it is. */
    @Transactional
    public void deadlinePassed(long id) {
        Item item = store.find(id).orElse(null);
        if (item == null) {
            return;
        }
        Instant now = clock.instant();
        Instant at = item.dueAt().isBefore(now) ? item.dueAt() : now;
        if (store.escalate(id, at)) {
            // no reason: the step's own label says it in the reader's language (media.history.ESCALATED)
            store.history(id, at, ItemStore.SYSTEM, "ESCALATED", null);
            audit.record("MEDIA_ITEM_ESCALATED", "media-item:" + id, "OK", null);
            Item escalated = store.find(id).orElseThrow();
            if (escalated.published()) {
                board.publish(toBoard(escalated));
            }
        }
    }

    /** The media centre and leaders read every item; a department's staff read their own department's. */
    public Item readable(long id, Actor actor) {
        Item item = store.find(id).orElseThrow(() -> notFound(id));
        if (actor.has(Role.MEDIA_OFFICER) || actor.has(Role.LEADER) || ofDepartment(item, actor)) {
            return item;
        }
        throw new ForbiddenException(Phrase.of("problem.media.not-your-item", "只有被监督部门可以回应"));
    }

    public List<Item> listFor(Actor actor) {
        if (actor.has(Role.MEDIA_OFFICER) || actor.has(Role.LEADER)) {
            return store.newest(settings.listSize());
        }
        return actor.departmentId() == null ? List.of()
                : store.ofDepartment(department(actor.departmentId()), settings.listSize());
    }

    public List<ItemStore.Entry> history(long id, Actor actor) {
        readable(id, actor);
        return store.history(id);
    }

    public String departmentName(long id) {
        return directory.department(id).map(Department::name).orElse("—");
    }

    private boolean ofDepartment(Item item, Actor actor) {
        return actor.departmentId() != null && department(actor.departmentId()) == item.departmentId();
    }

    /** A unit's (二级单位) staff answer for their department. */
    private long department(long departmentOrUnit) {
        return directory.department(departmentOrUnit).map(d -> d.parentId() != null ? d.parentId() : d.id())
                .orElse(departmentOrUnit);
    }

    private BoardItems.Item toBoard(Item i) {
        return new BoardItems.Item(i.id(), i.title(), i.subject(), departmentName(i.departmentId()), i.caseNumber(),
                i.body(), i.publishedAt(), i.response(), i.respondedAt(), i.overdue());
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException(Phrase.of("problem.media.item-not-found", "没有这个监督事项：{0}", id));
    }

    private static String required(String field, String value, int max) {
        String v = Text.cleanOrNull(value);
        if (v == null) {
            throw new InvalidInputException(field, Phrase.of("problem.media.required", "请填写此项"));
        }
        if (v.length() > max) {
            throw new InvalidInputException(field, Phrase.of("problem.media.too-long", "最多 {0} 字", max));
        }
        return v;
    }
}
