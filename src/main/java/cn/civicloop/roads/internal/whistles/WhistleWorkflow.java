package cn.civicloop.roads.internal.whistles;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.civicloop.directory.Actor;
import cn.civicloop.directory.Department;
import cn.civicloop.directory.Directory;
import cn.civicloop.roads.WhistleBlown;
import cn.civicloop.roads.WhistleRated;
import cn.civicloop.roads.WhistleResponded;
import cn.civicloop.roads.internal.Chief;
import cn.civicloop.roads.internal.RoadData;
import cn.civicloop.roads.internal.RoadsProperties;
import cn.civicloop.roads.internal.Segment;
import cn.civicloop.shared.ConflictException;
import cn.civicloop.shared.ForbiddenException;
import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.shared.NotFoundException;
import cn.civicloop.shared.Phrase;
import cn.civicloop.shared.Text;

/**
 * 路长吹哨、部门报到. A first- or second-level chief, or a street office, blows the whistle on a major hazard and
 * names departments; each must acknowledge and report on site (报到) within its limit, or {@link WhistleTimers} flags
 * it overdue once. No department may leave before the whistle-blower resolves the matter (事不完，人不撤); he then
 * rates each department that reported, once. Who may do what is {@link WhistleAccess}, what may follow what
 * {@link WhistleTransitions}; one transaction per command.
 */
@Service
public class WhistleWorkflow {

    private final WhistleStore store;
    private final WhistleReader reader;
    private final WhistleScopes scopes;
    private final WhistleTimers timers;
    private final RoadData data;
    private final Directory directory;
    private final RoadsProperties properties;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    WhistleWorkflow(WhistleStore store, WhistleReader reader, WhistleScopes scopes, WhistleTimers timers, RoadData data,
            Directory directory, RoadsProperties properties, Clock clock, ApplicationEventPublisher events) {
        this.store = store;
        this.reader = reader;
        this.scopes = scopes;
        this.timers = timers;
        this.data = data;
        this.directory = directory;
        this.properties = properties;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public WhistleView blow(Actor actor, WhistleForm form) {
        WhistleScope scope = scopes.of(actor);
        if (!WhistleAccess.mayBlow(scope)) {
            throw new ForbiddenException(Phrase.of("problem.roads.whistle-blowers-only", "只有一级、二级路长或街道可以吹哨"));
        }
        String title = Text.cleanOrNull(form.title());
        if (title == null) {
            throw new InvalidInputException("title", Phrase.of("problem.roads.whistle-title-required", "请填写事项"));
        }
        Segment segment = form.segmentCode() == null || form.segmentCode().isBlank() ? null
                : data.segmentByCode(form.segmentCode().strip()).orElseThrow(() ->
                        new InvalidInputException("segmentCode", Phrase.of("problem.roads.no-such-segment", "没有这个路段")));
        Chief chief = scope.chief();
        Long areaId = segment != null ? Long.valueOf(segment.areaId())
                : form.areaCode() != null && !form.areaCode().isBlank()
                        ? data.areaIdByCode(form.areaCode().strip()).orElseThrow(() ->
                                new InvalidInputException("areaCode", Phrase.of("problem.roads.no-such-area", "没有这个片区")))
                        : chief == null ? null : chief.areaId();
        Set<Department> named = named(form.departments());
        Instant now = clock.instant();
        int ack = (int) properties.whistleAckLimit().toMinutes();
        int report = (int) properties.whistleReportLimit().toMinutes();
        // a chief's level is named by the page in its language (the whistle keeps his chief's id)
        String blower = chief != null ? chief.name()
                : scope.street() != null ? scope.street().name() + actor.displayName() : actor.displayName();
        long id = store.insert(areaId, segment == null ? null : segment.id(), title,
                Objects.requireNonNullElse(Text.cleanOrNull(form.description()), title), actor.staffId(),
                chief == null ? null : chief.id(), blower, now, ack, report);
        named.forEach(d -> store.name(id, d));
        timers.schedule(id, WhistleLimit.ACK, now.plusSeconds(60L * ack));
        timers.schedule(id, WhistleLimit.REPORT, now.plusSeconds(60L * report));
        String areaCode = areaId == null ? null : data.area(areaId).map(a -> a.code()).orElse(null);
        events.publishEvent(new WhistleBlown(id, areaCode, segment == null ? null : segment.code(),
                named.stream().map(Department::code).toList(), chief == null ? null : chief.level(),
                now.plusSeconds(60L * ack), now.plusSeconds(60L * report), now));
        return reader.view(id);
    }

    @Transactional
    public WhistleView acknowledge(long id, Actor actor) {
        return respond(id, actor, WhistleAction.ACKNOWLEDGE, null);
    }

    /** 报到: the department is on site (an acknowledgement too, if it had not yet acknowledged). */
    @Transactional
    public WhistleView report(long id, Actor actor, String note) {
        return respond(id, actor, WhistleAction.REPORT, Text.cleanOrNull(note));
    }

    /** 会商: a joint-consultation note by the whistle-blower or a named department. */
    @Transactional
    public WhistleView note(long id, Actor actor, String text) {
        String clean = Text.cleanOrNull(text);
        if (clean == null) {
            throw new InvalidInputException("text", Phrase.of("problem.roads.consultation-required", "请填写会商内容"));
        }
        WhistleView w = reader.view(id);
        WhistleTransitions.require(status(w), WhistleAction.NOTE);
        String department = WhistleAccess.isBlower(actor, w.blowerStaffId()) ? null
                : store.departmentName(id, WhistleAccess.requireResponder(scopes.of(actor), named(w)));
        store.note(id, actor.displayName(), department, clean, clock.instant());
        return reader.view(id);
    }

    /** A department asks to leave: refused while the matter is open (事不完，人不撤). */
    @Transactional
    public WhistleView release(long id, Actor actor) {
        WhistleView w = reader.view(id);
        long department = WhistleAccess.requireResponder(scopes.of(actor), named(w));
        WhistleTransitions.require(status(w), WhistleAction.RELEASE);
        store.released(id, department, clock.instant());
        return reader.view(id);
    }

    @Transactional
    public WhistleView resolve(long id, Actor actor, String resolution) {
        WhistleView w = reader.view(id);
        WhistleAccess.requireBlower(actor, w.blowerStaffId(), Phrase.of("problem.roads.only-blower-resolves", "只有吹哨人可以办结"));
        WhistleStatus to = WhistleTransitions.require(status(w), WhistleAction.RESOLVE);
        String text = Text.cleanOrNull(resolution);
        if (text == null) {
            throw new InvalidInputException("resolution", Phrase.of("problem.roads.whistle-resolution-required", "请填写办结情况"));
        }
        store.resolved(id, to, text, clock.instant());
        return reader.view(id);
    }

    /** The whistle-blower rates a department that reported on site, 1–5, once. */
    @Transactional
    public WhistleView rate(long id, long departmentId, Actor actor, int score, String comment) {
        WhistleView w = reader.view(id);
        WhistleAccess.requireBlower(actor, w.blowerStaffId(), Phrase.of("problem.roads.only-blower-rates", "只有吹哨人可以评价"));
        WhistleTransitions.require(status(w), WhistleAction.RATE);
        if (score < 1 || score > 5) {
            throw new InvalidInputException("score", Phrase.of("problem.roads.score-range", "评分为 1–5"));
        }
        WhistleView.Responder r = w.departments().stream().filter(d -> d.departmentId() == departmentId).findFirst()
                .orElseThrow(() -> new NotFoundException(Phrase.of("problem.roads.department-not-named", "该部门未被吹哨")));
        if (r.reportedAt() == null) {
            throw new ConflictException(Phrase.of("problem.roads.department-not-on-site", "部门尚未报到，不能评价"));
        }
        Instant now = clock.instant();
        if (!store.rated(id, departmentId, score, Text.cleanOrNull(comment), now)) {
            throw new ConflictException(Phrase.of("problem.roads.already-rated", "已经评价过"));
        }
        events.publishEvent(new WhistleRated(id, departmentId, score, now));
        return reader.view(id);
    }

    /** An action on a whistle by its name in the URL: acknowledge, report, note, release, resolve. */
    @Transactional
    public WhistleView act(long id, String action, Actor actor, String remark) {
        return switch (action) {
            case "acknowledge" -> acknowledge(id, actor);
            case "report" -> report(id, actor, remark);
            case "note" -> note(id, actor, remark);
            case "release" -> release(id, actor);
            case "resolve" -> resolve(id, actor, remark);
            default -> throw new InvalidInputException("action",
                    Phrase.of("problem.roads.unknown-action", "未知操作：{0}", action));
        };
    }

    private WhistleView respond(long id, Actor actor, WhistleAction action, String note) {
        WhistleView w = reader.view(id);
        long department = WhistleAccess.requireResponder(scopes.of(actor), named(w));
        WhistleTransitions.require(status(w), action);
        Instant now = clock.instant();
        store.responded(id, department, now, action == WhistleAction.REPORT);
        events.publishEvent(new WhistleResponded(id, department, action == WhistleAction.REPORT, now));
        if (note != null) {
            store.note(id, actor.displayName(), store.departmentName(id, department), note, now);
        }
        return reader.view(id);
    }

    private Set<Department> named(List<String> codes) {
        if (codes == null || codes.isEmpty()) {
            throw new InvalidInputException("departments", Phrase.of("problem.roads.departments-required", "请选择报到部门"));
        }
        Set<Department> named = new LinkedHashSet<>();
        for (String code : codes) {
            named.add(directory.departmentByCode(code == null ? "" : code.strip()).filter(Department::active)
                    .orElseThrow(() -> new InvalidInputException("departments",
                            Phrase.of("problem.roads.no-such-department", "没有这个部门：{0}", code))));
        }
        return named;
    }

    private static List<Long> named(WhistleView w) {
        return w.departments().stream().map(WhistleView.Responder::departmentId).toList();
    }

    private static WhistleStatus status(WhistleView w) {
        return WhistleStatus.valueOf(w.status());
    }
}
