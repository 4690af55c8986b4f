package cn.civicloop.roads.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;

import cn.civicloop.directory.Actor;
import cn.civicloop.directory.Department;
import cn.civicloop.directory.DepartmentKind;
import cn.civicloop.directory.Directory;
import cn.civicloop.directory.Role;
import cn.civicloop.shared.ConflictException;
import cn.civicloop.shared.ForbiddenException;
import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.shared.NotFoundException;
import cn.civicloop.shared.Text;

/**
 * 路长吹哨、部门报到. A first- or second-level chief, or a street office, blows the whistle on a major hazard and
 * names departments; each must acknowledge and report on site (报到) within its limit, or a timer flags it overdue
 * once (the overdue mark and a note on the whistle are the notification: notify has no API for other modules).
 * No department may leave before the whistle-blower resolves the matter (事不完，人不撤); he then rates each
 * department that reported, once.
 */
@Service
public class Whistles {

    private static final Logger log = LoggerFactory.getLogger(Whistles.class);

    private final JdbcClient jdbc;
    private final RoadData data;
    private final Chiefs chiefs;
    private final Directory directory;
    private final SchedulerClient scheduler;
    private final OneTimeTask<WhistleDue> task;
    private final RoadProperties properties;
    private final Clock clock;

    Whistles(JdbcClient jdbc, RoadData data, Chiefs chiefs, Directory directory, SchedulerClient scheduler,
            OneTimeTask<WhistleDue> roadWhistleTask, RoadProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.data = data;
        this.chiefs = chiefs;
        this.directory = directory;
        this.scheduler = scheduler;
        this.task = roadWhistleTask;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public WhistleView blow(Actor actor, WhistleForm form) {
        Optional<Chief> chief = chiefs.find(actor);
        Department street = street(actor);
        if (!mayBlow(actor)) {
            throw new ForbiddenException("只有一级、二级路长或街道可以吹哨 (only level-1/2 chiefs or a street may blow the whistle)");
        }
        String title = Text.cleanOrNull(form.title());
        if (title == null) {
            throw new InvalidInputException("title", "请填写事项 (title is required)");
        }
        Segment segment = form.segmentCode() == null || form.segmentCode().isBlank() ? null
                : data.segmentByCode(form.segmentCode().strip()).orElseThrow(() ->
                        new InvalidInputException("segmentCode", "没有这个路段 (no such segment)"));
        Long areaId = segment != null ? Long.valueOf(segment.areaId())
                : form.areaCode() != null && !form.areaCode().isBlank()
                        ? data.areaIdByCode(form.areaCode().strip()).orElseThrow(() ->
                                new InvalidInputException("areaCode", "没有这个片区 (no such area)"))
                        : chief.map(Chief::areaId).orElse(null);
        Set<Department> named = new LinkedHashSet<>();
        if (form.departments() == null || form.departments().isEmpty()) {
            throw new InvalidInputException("departments", "请选择报到部门 (name at least one department)");
        }
        for (String code : form.departments()) {
            named.add(directory.departmentByCode(code == null ? "" : code.strip()).filter(Department::active)
                    .orElseThrow(() -> new InvalidInputException("departments", "没有这个部门 (no such department): " + code)));
        }
        Instant now = clock.instant();
        int ack = (int) properties.whistleAckLimit().toMinutes();
        int report = (int) properties.whistleReportLimit().toMinutes();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into road_whistle (area_id, segment_id, title, description, blower_staff_id, blower_chief_id, blower_name,
                    blown_at, ack_limit_min, report_limit_min, status) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN')""")
                .params(areaId, segment == null ? null : segment.id(), title,
                        Objects.requireNonNullElse(Text.cleanOrNull(form.description()), title), actor.staffId(),
                        chief.map(Chief::id).orElse(null),
                        chief.map(c -> c.levelLabel() + c.name()).orElse(street != null ? street.name() + actor.displayName() : actor.displayName()),
                        RoadIssues.ts(now), ack, report)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        for (Department d : named) {
            jdbc.sql("insert into road_whistle_department (whistle_id, department_id, department_name) values (?, ?, ?)")
                    .params(id, d.id(), d.name()).update();
        }
        schedule(new WhistleDue(id, "ACK"), now.plusSeconds(60L * ack));
        schedule(new WhistleDue(id, "REPORT"), now.plusSeconds(60L * report));
        return view(id);
    }

    /** First- and second-level chiefs and the staff of a street office may blow the whistle. */
    public boolean mayBlow(Actor actor) {
        return chiefs.find(actor).map(c -> c.level() <= 2).orElse(false)
                || (street(actor) != null && (actor.has(Role.HANDLER) || actor.has(Role.DEPT_HEAD)));
    }

    private Department street(Actor actor) {
        return actor.departmentId() == null ? null
                : directory.department(actor.departmentId()).filter(d -> d.kind() == DepartmentKind.STREET).orElse(null);
    }

    /** The named department of this whistle the actor answers for, if any (his department or his unit's). */
    public Optional<Long> departmentOf(WhistleView w, Actor actor) {
        if (actor.departmentId() == null || !(actor.has(Role.HANDLER) || actor.has(Role.DEPT_HEAD))) {
            return Optional.empty();
        }
        return w.departments().stream().map(WhistleView.Responder::departmentId)
                .filter(d -> d == actor.departmentId() || directory.isWithin(actor.departmentId(), d)).findFirst();
    }

    @Transactional
    public WhistleView acknowledge(long id, Actor actor) {
        long dept = respondingDepartment(id, actor);
        jdbc.sql("update road_whistle_department set acknowledged_at = coalesce(acknowledged_at, ?) where whistle_id = ? and department_id = ?")
                .params(RoadIssues.ts(clock.instant()), id, dept).update();
        return view(id);
    }

    /** 报到: the department is on site (an acknowledgement too, if it had not yet acknowledged). */
    @Transactional
    public WhistleView report(long id, Actor actor, String note) {
        long dept = respondingDepartment(id, actor);
        Instant now = clock.instant();
        jdbc.sql("""
                update road_whistle_department set acknowledged_at = coalesce(acknowledged_at, ?),
                    reported_at = coalesce(reported_at, ?) where whistle_id = ? and department_id = ?""")
                .params(RoadIssues.ts(now), RoadIssues.ts(now), id, dept).update();
        if (Text.cleanOrNull(note) != null) {
            addNote(id, actor.displayName(), departmentName(id, dept), Text.cleanOrNull(note), now);
        }
        return view(id);
    }

    /** 会商: a joint-consultation note by the whistle-blower or a named department. */
    @Transactional
    public WhistleView note(long id, Actor actor, String text) {
        String clean = Text.cleanOrNull(text);
        if (clean == null) {
            throw new InvalidInputException("text", "请填写会商内容 (text is required)");
        }
        WhistleView w = view(id);
        String department = null;
        if (!Objects.equals(w.blowerStaffId(), actor.staffId())) {
            department = departmentName(id, respondingDepartment(id, actor));
        }
        addNote(id, actor.displayName(), department, clean, clock.instant());
        return view(id);
    }

    /** A department asks to leave: refused while the matter is open (事不完，人不撤). */
    @Transactional
    public WhistleView release(long id, Actor actor) {
        long dept = respondingDepartment(id, actor);
        if ("OPEN".equals(status(id))) {
            throw new ConflictException("事不完，人不撤：吹哨事项办结前部门不能撤离 (no department may leave before the matter is resolved)");
        }
        jdbc.sql("update road_whistle_department set released_at = coalesce(released_at, ?) where whistle_id = ? and department_id = ?")
                .params(RoadIssues.ts(clock.instant()), id, dept).update();
        return view(id);
    }

    @Transactional
    public WhistleView resolve(long id, Actor actor, String resolution) {
        WhistleView w = view(id);
        if (!Objects.equals(w.blowerStaffId(), actor.staffId())) {
            throw new ForbiddenException("只有吹哨人可以办结 (only the whistle-blower may resolve it)");
        }
        if (!"OPEN".equals(w.status())) {
            throw new ConflictException("吹哨事项已办结 (already resolved)");
        }
        String text = Text.cleanOrNull(resolution);
        if (text == null) {
            throw new InvalidInputException("resolution", "请填写办结情况 (resolution is required)");
        }
        jdbc.sql("update road_whistle set status = 'RESOLVED', resolved_at = ?, resolution = ? where id = ?")
                .params(RoadIssues.ts(clock.instant()), text, id).update();
        return view(id);
    }

    /** The whistle-blower rates a department that reported on site, 1–5, once. */
    @Transactional
    public WhistleView rate(long id, long departmentId, Actor actor, int score, String comment) {
        WhistleView w = view(id);
        if (!Objects.equals(w.blowerStaffId(), actor.staffId())) {
            throw new ForbiddenException("只有吹哨人可以评价 (only the whistle-blower may rate)");
        }
        if (score < 1 || score > 5) {
            throw new InvalidInputException("score", "评分为 1–5 (score 1–5)");
        }
        WhistleView.Responder r = w.departments().stream().filter(d -> d.departmentId() == departmentId).findFirst()
                .orElseThrow(() -> new NotFoundException("该部门未被吹哨 (department not named)"));
        if (r.reportedAt() == null) {
            throw new ConflictException("部门尚未报到，不能评价 (the department has not reported on site)");
        }
        int updated = jdbc.sql("""
                update road_whistle_department set rating = ?, rating_comment = ?, rated_at = ?
                where whistle_id = ? and department_id = ? and rated_at is null""")
                .params(score, Text.cleanOrNull(comment), RoadIssues.ts(clock.instant()), id, departmentId).update();
        if (updated == 0) {
            throw new ConflictException("已经评价过 (already rated)");
        }
        return view(id);
    }

    /** The limit timer: every named department still missing the step is flagged overdue, once. */
    @Transactional
    public void limitDue(WhistleDue due) {
        boolean ack = "ACK".equals(due.kind());
        String done = ack ? "acknowledged_at" : "reported_at";
        String flag = ack ? "ack_overdue_at" : "report_overdue_at";
        Instant now = clock.instant();
        List<Long> late = jdbc.sql("select department_id from road_whistle_department where whistle_id = ? and "
                + done + " is null and " + flag + " is null").param(due.whistleId()).query(Long.class).list();
        for (Long dept : late) {
            int flagged = jdbc.sql("update road_whistle_department set " + flag + " = ? where whistle_id = ? and department_id = ? and "
                    + flag + " is null and " + done + " is null").params(RoadIssues.ts(now), due.whistleId(), dept).update();
            if (flagged == 1) {
                String name = departmentName(due.whistleId(), dept);
                String text = name + (ack ? "未在时限内响应吹哨" : "未在时限内到场报到") + "，已记超时并通报";
                addNote(due.whistleId(), "系统", name, text, now);
                log.info("Whistle {}: {}", due.whistleId(), text);
            }
        }
    }

    public WhistleView view(long id) {
        return jdbc.sql("""
                select w.id, w.title, w.description, a.name, s.code, w.blower_name, w.blower_staff_id, w.blown_at,
                       w.ack_limit_min, w.report_limit_min, w.status, w.resolved_at, w.resolution
                from road_whistle w left join road_area a on a.id = w.area_id left join road_segment s on s.id = w.segment_id
                where w.id = ?""").param(id).query((rs, n) -> {
                    Instant blown = rs.getTimestamp("blown_at").toInstant();
                    return new WhistleView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getLong(7), blown,
                            blown.plusSeconds(60L * rs.getInt("ack_limit_min")),
                            blown.plusSeconds(60L * rs.getInt("report_limit_min")), rs.getString("status"),
                            RoadIssues.instant(rs, "resolved_at"), rs.getString("resolution"), responders(id), notes(id));
                }).optional().orElseThrow(() -> new NotFoundException("没有这次吹哨 (no such whistle): " + id));
    }

    /**
     * One whistle for a reader who may see it (see {@link #visible}); others get 403 — a department sees only the
     * whistles that name it.
     */
    public WhistleView view(long id, Actor reader) {
        WhistleView w = view(id);
        if (!reader.has(Role.LEADER) && !reader.has(Role.SYSTEM) && ids(reader, id, 1).isEmpty()) {
            throw new ForbiddenException("无权查看这次吹哨 (this whistle is not yours to see)");
        }
        return w;
    }

    /**
     * The whistles a reader may see, open ones first, then the latest: district leaders all of them; the
     * whistle-blower his own; a road chief those on the roads he answers for (a first-level chief his areas, a
     * second-level chief his squad's segments and area-wide whistles in his area, an inspector his segments); the
     * staff of a department (or of one of its units) only the whistles that name that department.
     */
    public List<WhistleView> visible(Actor reader, int limit) {
        if (reader.has(Role.LEADER) || reader.has(Role.SYSTEM)) {
            return jdbc.sql("select id from road_whistle order by case when status = 'OPEN' then 0 else 1 end, id desc limit ?")
                    .param(limit).query(Long.class).list().stream().map(this::view).toList();
        }
        return ids(reader, null, limit).stream().map(this::view).toList();
    }

    /** The ids of the whistles the reader may see (only {@code onlyId} when given). */
    private List<Long> ids(Actor reader, Long onlyId, int limit) {
        List<Long> departments = new ArrayList<>();
        if (reader.departmentId() != null && (reader.has(Role.HANDLER) || reader.has(Role.DEPT_HEAD))) {
            for (Department d : directory.departments()) {
                if (directory.isWithin(reader.departmentId(), d.id())) {
                    departments.add(d.id());
                }
            }
        }
        Chief chief = chiefs.find(reader).orElse(null);
        List<Long> ledAreas = chief == null || chief.level() != 1 ? List.of() : data.areasLedBy(chief);
        return jdbc.sql("""
                select w.id from road_whistle w left join road_segment s on s.id = w.segment_id
                where (:only = -1 or w.id = :only) and (
                      w.blower_staff_id = :staff
                   or exists (select 1 from road_whistle_department d where d.whistle_id = w.id and d.department_id in (:departments))
                   or w.area_id in (:areas)
                   or (:level = 2 and (s.squad_id = :squad or (w.segment_id is null and w.area_id = :area)))
                   or exists (select 1 from road_segment_chief sc where sc.segment_id = w.segment_id and sc.chief_id = :chief))
                order by case when w.status = 'OPEN' then 0 else 1 end, w.id desc
                limit :limit""")
                .param("only", onlyId == null ? -1L : onlyId)
                .param("staff", reader.staffId() == null ? -1L : reader.staffId())
                .param("departments", departments.isEmpty() ? List.of(-1L) : departments)
                .param("areas", ledAreas.isEmpty() ? List.of(-1L) : ledAreas)
                .param("level", chief == null ? 0 : chief.level())
                .param("squad", chief == null || chief.squadId() == null ? -1L : chief.squadId())
                .param("area", chief == null || chief.areaId() == null ? -1L : chief.areaId())
                .param("chief", chief == null ? -1L : chief.id())
                .param("limit", limit)
                .query(Long.class).list();
    }

    private List<WhistleView.Responder> responders(long id) {
        return jdbc.sql("""
                select department_id, department_name, acknowledged_at, reported_at, ack_overdue_at, report_overdue_at,
                       released_at, rating, rating_comment from road_whistle_department where whistle_id = ? order by department_id""")
                .param(id).query((rs, n) -> new WhistleView.Responder(rs.getLong(1), rs.getString(2),
                        RoadIssues.instant(rs, "acknowledged_at"), RoadIssues.instant(rs, "reported_at"),
                        rs.getTimestamp("ack_overdue_at") != null, rs.getTimestamp("report_overdue_at") != null,
                        RoadIssues.instant(rs, "released_at"), (Integer) rs.getObject("rating", Integer.class),
                        rs.getString("rating_comment"))).list();
    }

    private List<WhistleView.Note> notes(long id) {
        return jdbc.sql("select written_at, author_name, department_name, note_text from road_whistle_note where whistle_id = ? order by id")
                .param(id).query((rs, n) -> new WhistleView.Note(rs.getTimestamp(1).toInstant(), rs.getString(2),
                        rs.getString(3), rs.getString(4))).list();
    }

    /** The named department the actor answers for (his department, or the department his unit belongs to). */
    private long respondingDepartment(long id, Actor actor) {
        if (actor.departmentId() == null || !(actor.has(Role.HANDLER) || actor.has(Role.DEPT_HEAD))) {
            throw new ForbiddenException("只有被吹哨部门的人员可以报到 (only staff of a named department)");
        }
        return departmentOf(view(id), actor).orElseThrow(() -> new ForbiddenException("您的部门未被吹哨 (your department was not named)"));
    }

    private String departmentName(long id, long dept) {
        return jdbc.sql("select department_name from road_whistle_department where whistle_id = ? and department_id = ?")
                .params(id, dept).query(String.class).single();
    }

    private String status(long id) {
        return jdbc.sql("select status from road_whistle where id = ?").param(id).query(String.class).single();
    }

    private void addNote(long id, String author, String department, String text, Instant at) {
        jdbc.sql("insert into road_whistle_note (whistle_id, written_at, author_name, department_name, note_text) values (?, ?, ?, ?, ?)")
                .params(id, RoadIssues.ts(at), author, department, text).update();
    }

    private void schedule(WhistleDue due, Instant at) {
        scheduler.scheduleIfNotExists(task.instance(due.instanceId(), due), at);
    }
}
