package cn.civicloop.cameras.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.civicloop.calendar.BusinessCalendar;
import cn.civicloop.calendar.TimeLimit;
import cn.civicloop.cases.CaseCommand;
import cn.civicloop.cases.CaseManagement;
import cn.civicloop.cases.CaseQueries;
import cn.civicloop.cases.CaseView;
import cn.civicloop.cases.StepRemark;
import cn.civicloop.directory.Actor;
import cn.civicloop.directory.Department;
import cn.civicloop.directory.Directory;
import cn.civicloop.directory.Role;
import cn.civicloop.notify.StaffLetters;
import cn.civicloop.shared.AuditTrail;
import cn.civicloop.shared.ConflictException;
import cn.civicloop.shared.DistrictTime;
import cn.civicloop.shared.ForbiddenException;
import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.shared.NotFoundException;
import cn.civicloop.shared.Phrase;
import cn.civicloop.shared.Text;

/**
 * Footage requests (调取视频) to the video centre: asked from a subject's camera panel by the staff who work on it,
 * due within working hours on the business calendar, answered once by the video centre's staff with a reference to
 * the archived footage or the reason there is none; unanswered past the deadline, a request is shown overdue.
 * <p>
 * Where the steps are written: a request on a case and its answer are notes of the application (系统) on the case's
 * timeline, naming who asked and who answered; topics and 110 incidents have no timeline API this module may write,
 * so their requests' steps are in the request's own history, shown on the subject's panel. Every request keeps its
 * own history too.
 * <p>
 * Who sees a request: the district leader and the video centre every request; anyone else the requests of his own
 * department, and his own when he belongs to none.
 * <p>
 * Inbox letters (站内信), in the same transaction: a new request to the video centre's handlers and heads, its answer
 * to the requester. Letters are records, written in the district's language whoever reads them.
 */
@Service
public class FootageRequests {

    /** The subjects a request may be on. */
    public static final Set<String> SUBJECTS = Set.of("CASE", "TOPIC", "INCIDENT");

    private static final Pattern REF = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,59}");
    private static final Set<Role> REQUESTERS = Set.of(Role.OPERATOR, Role.TRIAGE_OFFICER, Role.LEADER, Role.HANDLER,
            Role.DEPT_HEAD, Role.OPINION_OFFICER, Role.POLICE_DISPATCHER);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(DistrictTime.ZONE);

    /** What the requester asks; {@code from}/{@code to} null ask for the configured span before now. */
    public record NewRequest(String subjectKind, String subjectRef, List<String> cameraCodes, Instant from,
            Instant to, String purpose) {
    }

    /** The video centre's answer: footage (archive reference, span) or none (the reason in {@code text}). */
    public record Answer(boolean footage, String archiveRef, Instant from, Instant to, String text, Integer version) {
    }

    private final FootageStore store;
    private final CameraStore cameras;
    private final CaseQueries caseQueries;
    private final CaseManagement caseManagement;
    private final Directory directory;
    private final BusinessCalendar calendar;
    private final AuditTrail audit;
    private final CamerasProperties settings;
    private final Clock clock;
    private final StaffLetters letters;
    private final MessageSource messages;

    private static final Locale LETTER_LOCALE = Locale.SIMPLIFIED_CHINESE;

    FootageRequests(FootageStore store, CameraStore cameras, CaseQueries caseQueries, CaseManagement caseManagement,
            Directory directory, BusinessCalendar calendar, AuditTrail audit, CamerasProperties settings,
            Clock clock, StaffLetters letters, MessageSource messages) {
        this.letters = letters;
        this.messages = messages;
        this.store = store;
        this.cameras = cameras;
        this.caseQueries = caseQueries;
        this.caseManagement = caseManagement;
        this.directory = directory;
        this.calendar = calendar;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional
    public FootageRequest request(NewRequest r, Actor actor) {
        if (!mayRequest(actor)) {
            throw new ForbiddenException(Phrase.of("problem.cameras.may-not-request", "您的角色不能申请调取视频"));
        }
        String kind = r.subjectKind() == null ? null : r.subjectKind().strip().toUpperCase(Locale.ROOT);
        if (kind == null || !SUBJECTS.contains(kind)) {
            throw new InvalidInputException("subjectKind", Phrase.of("problem.cameras.subject-kind",
                    "申请对象须为工单（CASE）、舆情话题（TOPIC）或 110 警情（INCIDENT）"));
        }
        String ref = Text.cleanOrNull(r.subjectRef());
        if (ref == null || !REF.matcher(ref).matches()) {
            throw new InvalidInputException("subjectRef", Phrase.of("problem.cameras.subject-ref", "申请对象编号格式不正确"));
        }
        if ("CASE".equals(kind)) {
            caseQueries.view(ref, actor); // refuses a case the requester may not read
        }
        Set<String> codes = new LinkedHashSet<>();
        if (r.cameraCodes() != null) {
            r.cameraCodes().stream().map(Text::cleanOrNull).filter(c -> c != null).forEach(codes::add);
        }
        if (codes.isEmpty() || codes.size() > 20) {
            throw new InvalidInputException("cameraCodes", Phrase.of("problem.cameras.cameras-required",
                    "请选择 1 至 20 个点位"));
        }
        var known = cameras.existing(codes).keySet();
        List<String> unknown = codes.stream().filter(c -> !known.contains(c)).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("cameraCodes", Phrase.of("problem.cameras.unknown-cameras",
                    "没有这些点位：{0}", String.join("、", unknown)));
        }
        String purpose = required("purpose", r.purpose(), 2000);
        Instant now = clock.instant();
        Instant to = r.to() == null ? now : r.to();
        Instant from = r.from() == null ? to.minus(Duration.ofHours(settings.spanHours())) : r.from();
        if (!from.isBefore(to) || to.isAfter(now.plus(Duration.ofMinutes(5)))) {
            throw new InvalidInputException("from", Phrase.of("problem.cameras.span",
                    "时段须开始早于结束，且不晚于现在"));
        }
        Instant due = calendar.deadline(now, TimeLimit.workingHours(settings.answerHours()));
        List<String> list = List.copyOf(codes);
        long id = store.insert(kind, ref, list, from, to, purpose, actor.username(), actor.displayName(),
                actor.departmentId(), now, due);
        // the history's detail is data only (the step is its action, named by the page); the case's note a step too
        String detail = String.join(", ", list) + " · " + span(from, to) + " · " + purpose;
        store.history(id, now, actor.username(), "REQUESTED", detail);
        if ("CASE".equals(kind)) {
            caseManagement.act(ref, Actor.system(), new CaseCommand.Note(StepRemark.of(
                    StepRemark.Kind.FOOTAGE_REQUESTED, purpose, id, actor.displayName(), due, String.join(", ", list),
                    from, to).stored(), false));
        }
        lettersToVideoCentre(id, kind, ref, list, due, purpose, actor);
        audit.record("FOOTAGE_REQUESTED", "footage:" + id, "OK", kind + ":" + ref);
        return store.find(id, now).orElseThrow();
    }

    @Transactional
    public FootageRequest answer(long id, Answer a, Actor actor) {
        FootageRequest r = store.find(id, clock.instant()).orElseThrow(() -> notFound(id));
        if (!videoCentre(actor)) {
            throw new ForbiddenException(Phrase.of("problem.cameras.not-video-centre", "只有视频监控中心可以答复调取申请"));
        }
        if (!r.open()) {
            throw new ConflictException(Phrase.of("problem.cameras.already-answered", "该调取申请已经答复"));
        }
        String text = Text.cleanOrNull(a.text());
        String archive = null;
        Instant from = null;
        Instant to = null;
        String detail;
        if (a.footage()) {
            archive = required("archiveRef", a.archiveRef(), 500);
            from = a.from() == null ? r.from() : a.from();
            to = a.to() == null ? r.to() : a.to();
            if (!from.isBefore(to)) {
                throw new InvalidInputException("from", Phrase.of("problem.cameras.span",
                        "时段须开始早于结束，且不晚于现在"));
            }
            if (text != null && text.length() > 2000) {
                throw new InvalidInputException("text", Phrase.of("problem.cameras.too-long", "最多 {0} 字", 2000));
            }
            detail = archive + " · " + span(from, to) + (text == null ? "" : " · " + text);
        } else {
            text = required("text", a.text(), 2000);
            detail = text;
        }
        Instant now = clock.instant();
        if (!store.answer(id, a.version() == null ? r.version() : a.version(), a.footage() ? "ANSWERED" : "NO_FOOTAGE",
                archive, from, to, text, actor.username(), now)) {
            throw new ConflictException(Phrase.of("problem.cameras.changed", "该调取申请已被他人修改，请刷新后重试"));
        }
        store.history(id, now, actor.username(), a.footage() ? "ANSWERED" : "NO_FOOTAGE", detail);
        if ("CASE".equals(r.subjectKind())) {
            caseManagement.act(r.subjectRef(), Actor.system(), new CaseCommand.Note(StepRemark.of(
                    StepRemark.Kind.FOOTAGE_ANSWERED, text, id, actor.displayName(), now.isAfter(r.dueAt()), archive,
                    from, to).stored(), false));
        }
        letterToRequester(r, a.footage() ? "ANSWERED" : "NO_FOOTAGE", letterDetail(a.footage(), archive, from, to, text),
                actor);
        audit.record("FOOTAGE_ANSWERED", "footage:" + id, "OK", a.footage() ? "footage" : "none");
        return store.find(id, now).orElseThrow();
    }

    /** The new request in the inbox of every handler and head of the video centre (and of its units). */
    private void lettersToVideoCentre(long id, String kind, String ref, List<String> codes, Instant due,
            String purpose, Actor actor) {
        Long centre = directory.departmentByCode(settings.videoCentre()).map(Department::id).orElse(null);
        if (centre == null) {
            return; // no video centre configured in the directory: nobody could answer, nobody to tell
        }
        String subject = text("cameras.letter.subject." + kind);
        String title = text("cameras.letter.requested.title", String.valueOf(id), subject, ref);
        String body = text("cameras.letter.requested.body", actor.displayName(), subject, ref, String.join("、", codes),
                MINUTE.format(due), purpose);
        for (Role role : List.of(Role.HANDLER, Role.DEPT_HEAD)) {
            letters.toDepartment(centre, role, reference(ref), "FOOTAGE_REQUEST", cut(title, 200), cut(body, 1000),
                    "footage-request:" + id);
        }
    }

    /** The answer in the requester's inbox. */
    private void letterToRequester(FootageRequest r, String status, String detail, Actor actor) {
        String subject = text("cameras.letter.subject." + r.subjectKind());
        letters.toStaff(r.requestedBy(), reference(r.subjectRef()), "FOOTAGE_ANSWER",
                cut(text("cameras.letter.answered.title", String.valueOf(r.id()), text("cameras.footage.status." + status)), 200),
                cut(text("cameras.letter.answered.body", actor.displayName(), subject, r.subjectRef(), detail), 1000),
                "footage-answer:" + r.id());
    }

    /** A span of footage, its ends in the district's time to the minute. */
    private static String span(Instant from, Instant to) {
        return MINUTE.format(from) + " – " + MINUTE.format(to);
    }

    /** The answer as the requester's letter tells it (a record in the district's language). */
    private String letterDetail(boolean footage, String archive, Instant from, Instant to, String text) {
        if (!footage) {
            return text("cameras.letter.answered.none", text);
        }
        return text(text == null ? "cameras.letter.answered.footage" : "cameras.letter.answered.footage.text", archive,
                MINUTE.format(from), MINUTE.format(to), text);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LETTER_LOCALE);
    }

    /** A letter's reference holds 40 characters; a subject's may have 60 (never so long for cases and incidents). */
    private static String reference(String ref) {
        return ref.length() <= 40 ? ref : ref.substring(0, 40);
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    public FootageRequest readable(long id, Actor actor) {
        FootageRequest r = store.find(id, clock.instant()).orElseThrow(() -> notFound(id));
        if (!mayRead(r, actor)) {
            throw notFound(id);
        }
        return r;
    }

    public List<FootageStore.Entry> history(long id, Actor actor) {
        readable(id, actor);
        return store.history(id);
    }

    /** The requests on a subject the reader may see, newest first. */
    public List<FootageRequest> ofSubject(String kind, String ref, Actor actor) {
        return store.ofSubject(kind, ref, clock.instant()).stream().filter(r -> mayRead(r, actor)).toList();
    }

    /** The reader's list: every request for the leader and the video centre, else his department's (or his own). */
    public List<FootageRequest> listFor(Actor actor, boolean openOnly) {
        Instant now = clock.instant();
        if (actor.has(Role.LEADER) || videoCentre(actor)) {
            return store.newest(null, null, openOnly, settings.listSize(), now);
        }
        return actor.departmentId() != null
                ? store.newest(actor.departmentId(), null, openOnly, settings.listSize(), now)
                : store.newest(null, actor.username(), openOnly, settings.listSize(), now);
    }

    public boolean mayRequest(Actor actor) {
        return REQUESTERS.stream().anyMatch(actor::has);
    }

    /** Staff (handler or head) of the video centre or of a unit of it. */
    public boolean videoCentre(Actor actor) {
        if (actor.departmentId() == null || !(actor.has(Role.HANDLER) || actor.has(Role.DEPT_HEAD))) {
            return false;
        }
        return directory.departmentByCode(settings.videoCentre()).map(Department::id)
                .map(centre -> centre.equals(actor.departmentId()) || directory.isWithin(actor.departmentId(), centre))
                .orElse(false);
    }

    private boolean mayRead(FootageRequest r, Actor actor) {
        return actor.has(Role.LEADER) || videoCentre(actor) || r.requestedBy().equals(actor.username())
                || r.departmentId() != null && r.departmentId().equals(actor.departmentId());
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException(Phrase.of("problem.cameras.request-not-found", "没有这个调取申请：{0}", id));
    }

    private static String required(String field, String value, int max) {
        String v = Text.cleanOrNull(value);
        if (v == null) {
            throw new InvalidInputException(field, Phrase.of("problem.cameras.required", "请填写此项"));
        }
        if (v.length() > max) {
            throw new InvalidInputException(field, Phrase.of("problem.cameras.too-long", "最多 {0} 字", max));
        }
        return v;
    }
}
