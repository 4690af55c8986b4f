package cn.civicloop.roads.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;

import cn.civicloop.cases.AppealKind;
import cn.civicloop.cases.AppealSnapshot;
import cn.civicloop.cases.CaseCommand;
import cn.civicloop.cases.CaseManagement;
import cn.civicloop.cases.CaseQueries;
import cn.civicloop.cases.Channel;
import cn.civicloop.cases.OpenedCase;
import cn.civicloop.directory.Actor;
import cn.civicloop.directory.Department;
import cn.civicloop.directory.Directory;
import cn.civicloop.directory.Role;
import cn.civicloop.geo.GeoPoint;
import cn.civicloop.intake.AppealForm;
import cn.civicloop.intake.AppealIntake;
import cn.civicloop.roads.Snap;
import cn.civicloop.shared.ConflictException;
import cn.civicloop.shared.ForbiddenException;
import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.shared.NotFoundException;
import cn.civicloop.shared.Text;
import cn.civicloop.shared.Upload;

/**
 * Issues found on the road, from the report to their end: fixed on the spot (a case opened and closed at once in
 * the governance loop, counted as 即知即改), passed to the next-level chief, escalated one level up by a timer when
 * the holder does not answer in time, handed to the governance loop as a case that triage routes, or resolved.
 * <p>
 * Only the chief holding an issue acts on it. The answer timer of a holding round fires once: the step it writes
 * is unique per issue and round, whichever node runs it.
 */
@Service
public class RoadIssues {

    private static final Logger log = LoggerFactory.getLogger(RoadIssues.class);

    private final JdbcClient jdbc;
    private final RoadData data;
    private final RoadNetwork network;
    private final AppealIntake intake;
    private final CaseManagement cases;
    private final CaseQueries caseQueries;
    private final Directory directory;
    private final SchedulerClient scheduler;
    private final OneTimeTask<IssueDue> task;
    private final RoadProperties properties;
    private final Clock clock;

    RoadIssues(JdbcClient jdbc, RoadData data, RoadNetwork network, AppealIntake intake, CaseManagement cases,
            CaseQueries caseQueries, Directory directory, SchedulerClient scheduler,
            OneTimeTask<IssueDue> roadIssueAnswerTask, RoadProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.data = data;
        this.network = network;
        this.intake = intake;
        this.cases = cases;
        this.caseQueries = caseQueries;
        this.directory = directory;
        this.scheduler = scheduler;
        this.task = roadIssueAnswerTask;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public IssueView report(Chief reporter, IssueReport form, List<Upload> before, List<Upload> after) {
        String title = Text.cleanOrNull(form.title());
        if (title == null) {
            throw new InvalidInputException("title", "请填写问题 (title is required)");
        }
        String description = Objects.requireNonNullElse(Text.cleanOrNull(form.description()), title);
        Photos.checkCount(before, after);
        Segment segment = place(form);
        Instant now = clock.instant();
        Long areaId = segment != null ? Long.valueOf(segment.areaId()) : reporter.areaId();
        Long squadId = segment != null && segment.squadId() != null ? segment.squadId() : reporter.squadId();
        if (form.patrolId() != null) {
            Long owner = jdbc.sql("select chief_id from road_patrol where id = ?").param(form.patrolId())
                    .query(Long.class).optional().orElse(null);
            if (!Objects.equals(owner, reporter.id())) {
                throw new InvalidInputException("patrolId", "不是您的巡查 (not your patrol)");
            }
        }
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into road_issue (reporter_id, patrol_id, segment_id, area_id, squad_id, title, description, lat, lon,
                    reported_at, status, fixed_on_spot, hold_round)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
                .params(reporter.id(), form.patrolId(), segment == null ? null : segment.id(), areaId, squadId, title,
                        description, form.lat(), form.lon(), ts(now), IssueStatus.PENDING.name(), false)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        keepPhotos(id, "BEFORE", before);
        keepPhotos(id, "AFTER", after);
        step(id, now, reporter.name(), "REPORTED", reporter.id(), null, null, description);
        if (Boolean.TRUE.equals(form.fixedOnSpot())) {
            fixOnSpot(id, reporter, title, description, form, segment, before, after, now);
        } else {
            Chief next = data.nextLevel(reporter).orElse(reporter);
            holdWith(id, next, 1, now);
            if (next.id() != reporter.id()) {
                step(id, now, reporter.name(), "PASSED_UP", reporter.id(), next.id(), null,
                        "现场无法处置，报" + next.levelLabel() + next.name());
            }
        }
        return view(id, Actor.system());
    }

    /** 签收: the holder answers; the timer of this round then does nothing. */
    @Transactional
    public IssueView answer(long id, Chief chief, String remark) {
        Row r = heldBy(id, chief);
        if (r.answeredAt != null) {
            return view(id, Actor.system());
        }
        Instant now = clock.instant();
        jdbc.sql("update road_issue set answered_at = ? where id = ?").params(ts(now), id).update();
        step(id, now, chief.name(), "ANSWERED", chief.id(), null, null, Text.cleanOrNull(remark));
        return view(id, Actor.system());
    }

    /** The holder passes the issue to the next-level chief. */
    @Transactional
    public IssueView escalate(long id, Chief chief, String remark) {
        Row r = heldBy(id, chief);
        Chief next = data.nextLevel(chief).orElseThrow(() -> new ConflictException(
                "一级路长之上没有路长：请移交部门或吹哨 (no chief above level 1: hand it to a department or blow the whistle)"));
        Instant now = clock.instant();
        step(id, now, chief.name(), "ESCALATED", chief.id(), next.id(), null,
                Objects.requireNonNullElse(Text.cleanOrNull(remark), "报上级路长"));
        holdWith(id, next, r.round + 1, now);
        return view(id, Actor.system());
    }

    /** The holder hands a matter outside the chiefs' remit to the governance loop: a case routed by triage. */
    @Transactional
    public IssueView handOver(long id, Chief chief, Actor actor, String remark) {
        Row r = heldBy(id, chief);
        Instant now = clock.instant();
        String note = Text.cleanOrNull(remark);
        String content = r.description + (note == null ? "" : "\n路长意见：" + note) + "\n（" + chief.levelLabel()
                + chief.name() + "移交，路长问题编号 " + id + "）";
        OpenedCase opened = intake.submit(appeal(id, "HO", r.title, content, r.lat, r.lon, r.segmentId, chief),
                photos(id), actor);
        jdbc.sql("update road_issue set status = ?, case_number = ?, answered_at = coalesce(answered_at, ?) where id = ?")
                .params(IssueStatus.HANDED_OVER.name(), opened.number(), ts(now), id).update();
        step(id, now, chief.name(), "HANDED_OVER", chief.id(), null, null, "移交治理闭环，工单 " + opened.number());
        return view(id, Actor.system());
    }

    /** The holder settles the issue himself. */
    @Transactional
    public IssueView resolve(long id, Chief chief, String resolution) {
        heldBy(id, chief);
        String text = Text.cleanOrNull(resolution);
        if (text == null) {
            throw new InvalidInputException("resolution", "请填写处置结果 (resolution is required)");
        }
        Instant now = clock.instant();
        jdbc.sql("update road_issue set status = ?, resolved_at = ?, resolution = ?, answered_at = coalesce(answered_at, ?) where id = ?")
                .params(IssueStatus.RESOLVED.name(), ts(now), text, ts(now), id).update();
        step(id, now, chief.name(), "RESOLVED", chief.id(), null, null, text);
        return view(id, Actor.system());
    }

    /**
     * The answer timer of a holding round: an issue still unanswered goes one level up and a new round starts; at
     * the first level it is marked overdue. The unique step per issue and round makes this happen once.
     */
    @Transactional
    public void answerDue(IssueDue due) {
        Row r = row(due.issueId()).orElse(null);
        if (r == null || !IssueStatus.PENDING.name().equals(r.status) || r.round != due.round() || r.answeredAt != null) {
            return;
        }
        Chief holder = data.chief(r.holderId).orElseThrow();
        Optional<Chief> next = data.nextLevel(holder);
        Instant now = clock.instant();
        String action = next.isPresent() ? "AUTO_ESCALATED" : "OVERDUE";
        String remark = holder.levelLabel() + holder.name() + "超过 " + properties.answerWithin(holder.level()).toMinutes()
                + " 分钟未处置" + next.map(n -> "，自动报" + n.levelLabel() + n.name()).orElse("，已超时");
        int written = jdbc.sql("""
                insert into road_issue_step (issue_id, happened_at, actor_name, action, from_chief_id, to_chief_id, hold_round, remark)
                values (?, ?, '系统', ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(r.id, ts(now), action, holder.id(), next.map(Chief::id).orElse(null), due.round(), remark).update();
        if (written == 0) {
            return;
        }
        next.ifPresent(n -> holdWith(r.id, n, r.round + 1, now));
        log.info("Road issue {}: {}", r.id, remark);
    }

    public IssueView view(long id, Actor reader) {
        Row r = row(id).orElseThrow(() -> new NotFoundException("没有这个路长问题 (no such issue): " + id));
        if (!reader.has(Role.SYSTEM)) {
            checkRead(r, reader);
        }
        return toView(r);
    }

    /** What a chief sees: the issues he holds first, then those he reported; leaders see the latest of all. */
    public List<IssueView> visible(Actor reader, Chief chief, int limit) {
        List<Row> rows;
        if (chief != null) {
            rows = jdbc.sql(SELECT + """
                     where (i.holder_id = :chief and i.status = 'PENDING') or i.reporter_id = :chief
                        or (:level = 2 and i.squad_id = :squad) or (:level = 1 and i.holder_id = :chief)
                     order by case when i.holder_id = :chief and i.status = 'PENDING' then 0 else 1 end, i.id desc
                     limit :limit""")
                    .param("chief", chief.id()).param("level", chief.level())
                    .param("squad", chief.squadId() == null ? -1L : chief.squadId()).param("limit", limit)
                    .query(RoadIssues::row).list();
        } else if (reader.has(Role.LEADER) || reader.has(Role.SYSTEM)) {
            rows = jdbc.sql(SELECT + " order by i.id desc limit ?").param(limit).query(RoadIssues::row).list();
        } else {
            throw new ForbiddenException("无权查看路长问题 (your role may not see road issues)");
        }
        return rows.stream().map(this::toView).toList();
    }

    public List<Upload> photos(long id) {
        return jdbc.sql("select filename, content_type, data from road_issue_photo where issue_id = ? order by id")
                .param(id).query((rs, n) -> new Upload(rs.getString(1), rs.getString(2), rs.getBytes(3))).list();
    }

    private void fixOnSpot(long id, Chief reporter, String title, String description, IssueReport form, Segment segment,
            List<Upload> before, List<Upload> after, Instant now) {
        String resolution = Text.cleanOrNull(form.resolution());
        if (resolution == null) {
            throw new InvalidInputException("resolution", "现场处置请填写处置结果 (say what was done on the spot)");
        }
        if (before.isEmpty() && after.isEmpty()) {
            throw new InvalidInputException("photos", "现场处置请附处置前后照片 (a before or after photo is required)");
        }
        List<Upload> all = new ArrayList<>(before);
        all.addAll(after);
        Actor submitter = directory.staffActor(reporter.username() == null ? "" : reporter.username()).orElse(Actor.system());
        OpenedCase opened = intake.submit(appeal(id, "FIX", title, description + "\n现场处置：" + resolution,
                form.lat(), form.lon(), segment == null ? null : segment.id(), reporter), all, submitter);
        // The loop records the chief's own fix: the system answers the case directly (直接答复) and it is closed.
        cases.perform(opened.number(), new CaseCommand.Answer("路长即知即改（" + reporter.levelLabel() + reporter.name()
                + "现场处置）：" + resolution), Actor.system());
        jdbc.sql("update road_issue set status = ?, fixed_on_spot = ?, case_number = ?, resolved_at = ?, resolution = ? where id = ?")
                .params(IssueStatus.FIXED.name(), true, opened.number(), ts(now), resolution, id).update();
        step(id, now, reporter.name(), "FIXED", reporter.id(), null, null, resolution);
    }

    private AppealForm appeal(long id, String kind, String title, String content, Double lat, Double lon, Long segmentId,
            Chief chief) {
        Segment s = segmentId == null ? null : data.segment(segmentId).orElse(null);
        AppealForm.Location location = lat == null || lon == null ? null : new AppealForm.Location(lat, lon, null);
        String address = s == null ? null : s.section() != null ? s.section() : s.name();
        return new AppealForm(Channel.ROAD_CHIEF, "ROAD-" + kind + "-" + id, AppealKind.COMPLAINT, null, null, title,
                content, location, address, new AppealForm.Contact(chief.name(), chief.phone()), false);
    }

    private Segment place(IssueReport form) {
        if (form.segmentCode() != null && !form.segmentCode().isBlank()) {
            return data.segmentByCode(form.segmentCode().strip()).orElseThrow(() ->
                    new InvalidInputException("segmentCode", "没有这个路段 (no such segment)"));
        }
        if (form.lat() == null || form.lon() == null) {
            return null;
        }
        GeoPoint point;
        try {
            point = new GeoPoint(form.lat(), form.lon());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("lat", "坐标无效 (invalid coordinates)");
        }
        return network.snap(point).flatMap(snap -> data.segment(snap.segmentId())).orElse(null);
    }

    private void holdWith(long id, Chief holder, int round, Instant now) {
        jdbc.sql("update road_issue set holder_id = ?, holder_level = ?, hold_round = ?, held_since = ?, answered_at = null where id = ?")
                .params(holder.id(), holder.level(), round, ts(now), id).update();
        IssueDue due = new IssueDue(id, round);
        scheduler.scheduleIfNotExists(task.instance(due.instanceId(), due), now.plus(properties.answerWithin(holder.level())));
    }

    private void keepPhotos(long id, String phase, List<Upload> photos) {
        for (Upload u : photos) {
            String type = Photos.check(u);
            jdbc.sql("insert into road_issue_photo (issue_id, phase, filename, content_type, data) values (?, ?, ?, ?, ?)")
                    .params(id, phase, u.filename(), type, u.data()).update();
        }
    }

    private void step(long id, Instant at, String actor, String action, Long from, Long to, Integer round, String remark) {
        jdbc.sql("""
                insert into road_issue_step (issue_id, happened_at, actor_name, action, from_chief_id, to_chief_id, hold_round, remark)
                values (?, ?, ?, ?, ?, ?, ?, ?)""").params(id, ts(at), actor, action, from, to, round, remark).update();
    }

    private Row heldBy(long id, Chief chief) {
        Row r = row(id).orElseThrow(() -> new NotFoundException("没有这个路长问题 (no such issue): " + id));
        if (!Objects.equals(r.holderId, chief.id())) {
            throw new ForbiddenException("该问题不在您手上 (this issue is not with you)");
        }
        if (!IssueStatus.PENDING.name().equals(r.status)) {
            throw new ConflictException("该问题已" + IssueStatus.valueOf(r.status).label() + " (the issue is no longer pending)");
        }
        return r;
    }

    private void checkRead(Row r, Actor reader) {
        if (reader.has(Role.LEADER)) {
            return;
        }
        Chief chief = reader.has(Role.ROAD_CHIEF) && reader.username() != null
                ? data.chiefByUsername(reader.username()).orElse(null) : null;
        if (chief != null) {
            boolean involved = chief.id() == r.reporterId || Objects.equals(r.holderId, chief.id())
                    || (chief.level() == 2 && Objects.equals(chief.squadId(), r.squadId))
                    || (chief.level() == 1 && r.areaId != null && data.areasLedBy(chief).contains(r.areaId))
                    || jdbc.sql("select count(*) from road_issue_step where issue_id = ? and (from_chief_id = ? or to_chief_id = ?)")
                            .params(r.id, chief.id(), chief.id()).query(Long.class).single() > 0;
            if (involved) {
                return;
            }
        }
        throw new ForbiddenException("无权查看该问题 (this issue is not yours to see)");
    }

    private IssueView toView(Row r) {
        Chief reporter = data.chief(r.reporterId).orElseThrow();
        Chief holder = r.holderId == null ? null : data.chief(r.holderId).orElse(null);
        Segment s = r.segmentId == null ? null : data.segment(r.segmentId).orElse(null);
        String caseStatus = null;
        String caseDepartment = null;
        if (r.caseNumber != null) {
            Optional<AppealSnapshot> snap = caseQueries.snapshot(r.caseNumber);
            caseStatus = snap.map(x -> x.status().label()).orElse(null);
            caseDepartment = snap.map(AppealSnapshot::departmentId).flatMap(directory::department)
                    .map(Department::name).orElse(null);
        }
        List<IssueView.Step> steps = jdbc.sql("""
                select s.happened_at, s.actor_name, s.action, f.name, t.name, s.remark from road_issue_step s
                left join road_chief f on f.id = s.from_chief_id left join road_chief t on t.id = s.to_chief_id
                where s.issue_id = ? order by s.id""").param(r.id)
                .query((rs, n) -> new IssueView.Step(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6))).list();
        Instant due = IssueStatus.PENDING.name().equals(r.status) && r.answeredAt == null && r.heldSince != null
                && holder != null ? r.heldSince.plus(properties.answerWithin(holder.level())) : null;
        int photoCount = jdbc.sql("select count(*) from road_issue_photo where issue_id = ?").param(r.id)
                .query(Integer.class).single();
        String squadName = r.squadId == null ? null : jdbc.sql("select name from road_squad where id = ?")
                .param(r.squadId).query(String.class).optional().orElse(null);
        String areaName = r.areaId == null ? null : data.area(r.areaId).map(Area::name).orElse(null);
        IssueStatus status = IssueStatus.valueOf(r.status);
        return new IssueView(r.id, r.title, r.description, status.name(), status.label(), r.fixedOnSpot,
                s == null ? null : s.code(), s == null ? null : s.name(), areaName, squadName, reporter.id(),
                reporter.name(), reporter.level(), holder == null ? null : holder.id(),
                holder == null ? null : holder.name(), holder == null ? null : holder.level(), r.reportedAt,
                r.heldSince, r.answeredAt, due, r.caseNumber, caseStatus, caseDepartment, r.lat, r.lon, photoCount, steps);
    }

    private static final String SELECT = """
            select i.id, i.reporter_id, i.segment_id, i.area_id, i.squad_id, i.title, i.description, i.lat, i.lon,
                   i.reported_at, i.status, i.fixed_on_spot, i.holder_id, i.hold_round, i.held_since, i.answered_at,
                   i.case_number from road_issue i
            """;

    private Optional<Row> row(long id) {
        return jdbc.sql(SELECT + " where i.id = ?").param(id).query(RoadIssues::row).optional();
    }

    private record Row(long id, long reporterId, Long segmentId, Long areaId, Long squadId, String title,
            String description, Double lat, Double lon, Instant reportedAt, String status, boolean fixedOnSpot,
            Long holderId, int round, Instant heldSince, Instant answeredAt, String caseNumber) {
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getLong("reporter_id"), longOrNull(rs, "segment_id"),
                longOrNull(rs, "area_id"), longOrNull(rs, "squad_id"), rs.getString("title"),
                rs.getString("description"), doubleOrNull(rs, "lat"), doubleOrNull(rs, "lon"),
                rs.getTimestamp("reported_at").toInstant(), rs.getString("status"), rs.getBoolean("fixed_on_spot"),
                longOrNull(rs, "holder_id"), rs.getInt("hold_round"), instant(rs, "held_since"),
                instant(rs, "answered_at"), rs.getString("case_number"));
    }

    static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    static Double doubleOrNull(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    /** For tests and the demo: the snap of a position, if any. */
    public Optional<Snap> snap(GeoPoint p) {
        return network.snap(p);
    }
}
