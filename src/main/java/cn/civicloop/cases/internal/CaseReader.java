package cn.civicloop.cases.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.civicloop.cases.AppealSnapshot;
import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.CaseQueries;
import cn.civicloop.cases.CaseStatus;
import cn.civicloop.cases.CaseView;
import cn.civicloop.cases.PublicCaseView;
import cn.civicloop.cases.TimelineEntry;
import cn.civicloop.cases.sla.ClockMath;
import cn.civicloop.cases.sla.Clocks;
import cn.civicloop.cases.sla.TrafficLight;
import cn.civicloop.directory.Actor;
import cn.civicloop.directory.Department;
import cn.civicloop.directory.Directory;
import cn.civicloop.directory.Role;
import cn.civicloop.shared.ForbiddenException;
import cn.civicloop.shared.Masking;
import cn.civicloop.shared.NotFoundException;

/** Reads cases for staff (scoped to what each may see) and for residents (token-proven, public parts only). */
@Service
@Transactional(readOnly = true)
class CaseReader implements CaseQueries {

    /** Numbers per IN list when reading snapshots: well below any driver's bind-parameter limit. */
    private static final int SNAPSHOT_CHUNK = 500;

    static final int MAX_PAGE_SIZE = 100;

    private final Cases cases;
    private final Timeline timeline;
    private final Reporters reporters;
    private final Attachments attachments;
    private final TrackingTokens tokens;
    private final Directory directory;
    private final JdbcClient jdbc;
    private final Clocks clocks;
    private final ClockMath math;
    private final CoHandling coHandling;
    private final Supervisions supervisions;
    private final Clock clock;

    CaseReader(Cases cases, Timeline timeline, Reporters reporters, Attachments attachments, TrackingTokens tokens,
            Directory directory, JdbcClient jdbc, Clocks clocks, ClockMath math, CoHandling coHandling,
            Supervisions supervisions, Clock clock) {
        this.clocks = clocks;
        this.math = math;
        this.coHandling = coHandling;
        this.supervisions = supervisions;
        this.clock = clock;
        this.cases = cases;
        this.timeline = timeline;
        this.reporters = reporters;
        this.attachments = attachments;
        this.tokens = tokens;
        this.directory = directory;
        this.jdbc = jdbc;
    }

    @Override
    public CaseView view(String number, Actor reader) {
        return view(readable(number, reader), reader);
    }

    @Override
    public List<TimelineEntry> timeline(String number, Actor reader) {
        Case c = readable(number, reader);
        return timeline.of(c.id).stream().map(r -> new TimelineEntry(r.id(), r.at(), r.action(), r.action().label(),
                r.from(), r.to(), r.actorName(), r.actorRole(), r.reason(), r.departmentId(),
                departmentName(r.departmentId()), r.publicEntry())).toList();
    }

    @Override
    public CasePage list(CaseFilter f, Actor reader) {
        // only the roles that work on cases list them; an admin, the 110 desk, road chiefs and grid workers do not
        boolean reads = reader.has(Role.SYSTEM) || reader.has(Role.OPERATOR) || reader.has(Role.DISPATCHER)
                || reader.has(Role.HANDLER) || reader.has(Role.DEPT_HEAD) || reader.has(Role.LEADER);
        if (!reads) {
            throw new ForbiddenException("无权查看工单列表 (your role does not see cases)");
        }
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (!CaseAccess.canRead(reader, -1L, -1L)) {
            where.append(" and (department_id = :own or unit_id = :own or exists (select 1 from cases_co_task t"
                    + " where t.case_id = cases_case.id and t.department_id = :own and t.status <> 'RELEASED'))");
            params.put("own", reader.departmentId() == null ? -1L : reader.departmentId());
        }
        if (f.status() != null) {
            where.append(" and status = :status");
            params.put("status", f.status().name());
        }
        if (f.departmentId() != null) {
            where.append(" and (department_id = :dept or unit_id = :dept)");
            params.put("dept", f.departmentId());
        }
        if (f.channel() != null) {
            where.append(" and channel = :channel");
            params.put("channel", f.channel().name());
        }
        if (f.streetCode() != null) {
            where.append(" and street_code = :street");
            params.put("street", f.streetCode());
        }
        if (f.text() != null && !f.text().isBlank()) {
            where.append(" and (title like :text escape '\\' or number like :text escape '\\')");
            params.put("text", "%" + likeLiteral(f.text().strip()) + "%");
        }
        int size = Math.min(Math.max(f.size(), 1), MAX_PAGE_SIZE);
        int page = Math.max(f.page(), 0);
        long total = jdbc.sql("select count(*) from cases_case" + where).params(params).query(Long.class).single();
        List<CaseSummary> items = jdbc.sql("select " + Cases.COLUMNS + " from cases_case" + where
                        + " order by created_at desc, id desc limit " + size + " offset " + ((long) page * size))
                .params(params).query(Cases::map).list().stream()
                .map(c -> new CaseSummary(c.number, c.status, c.status.label(), c.channel, c.title, c.departmentId,
                        departmentName(c.departmentId), c.urgency, c.createdAt, c.dueAt))
                .toList();
        return new CasePage(items, page, size, total);
    }

    @Override
    public PublicCaseView publicView(String number, String token) {
        return publicView(residentCase(number, token));
    }

    @Override
    public Photo photo(String number, long attachmentId, Actor reader) {
        Case c = readable(number, reader);
        return attachments.content(c.id, attachmentId).map(p -> new Photo(p.filename(), p.contentType(), p.data()))
                .orElseThrow(() -> new NotFoundException("附件不存在 (no such attachment)"));
    }

    @Override
    public Photo publicPhoto(String number, String token, long attachmentId) {
        Case c = residentCase(number, token);
        return attachments.content(c.id, attachmentId).map(p -> new Photo(p.filename(), p.contentType(), p.data()))
                .orElseThrow(() -> new NotFoundException("附件不存在 (no such attachment)"));
    }

    @Override
    public java.util.Optional<AppealSnapshot> snapshot(String number) {
        return cases.byNumber(number).map(CaseReader::snapshot);
    }

    @Override
    public List<String> openNumbersSinceNear(Instant since, AppealSnapshot near, double radiusMeters, int limit) {
        List<Object> params = new java.util.ArrayList<>(List.of(Cases.ts(since)));
        String place;
        if (near.lat() != null && near.lon() != null) {
            // A box around the circle; the duplicate finder measures the exact distance.
            double dLat = radiusMeters / 111_000.0;
            double dLon = dLat / Math.max(0.01, Math.cos(Math.toRadians(near.lat())));
            place = "(lat is null or lon is null or (lat between ? and ? and lon between ? and ?))";
            params.addAll(List.of(near.lat() - dLat, near.lat() + dLat, near.lon() - dLon, near.lon() + dLon));
        } else if (near.gridCode() != null && !near.gridCode().isBlank()) {
            place = "(grid_code is null or grid_code = '' or grid_code = ?)";
            params.add(near.gridCode());
        } else if (near.communityCode() != null && !near.communityCode().isBlank()) {
            place = "(community_code is null or community_code = '' or community_code = ?)";
            params.add(near.communityCode());
        } else {
            place = "1 = 1";
        }
        return jdbc.sql("select number from cases_case where created_at >= ? and status not in "
                        + "('CLOSED', 'DECLINED', 'VOIDED') and " + place + " order by created_at desc limit "
                        + Math.max(1, Math.min(limit, 20000)))
                .params(params).query(String.class).list();
    }

    @Override
    public List<AppealSnapshot> snapshots(java.util.Collection<String> numbers) {
        if (numbers.isEmpty()) {
            return List.of();
        }
        List<AppealSnapshot> found = new java.util.ArrayList<>(numbers.size());
        List<String> all = List.copyOf(numbers);
        for (int from = 0; from < all.size(); from += SNAPSHOT_CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + SNAPSHOT_CHUNK));
            jdbc.sql("select " + Cases.COLUMNS + " from cases_case where number in (:numbers)")
                    .param("numbers", chunk).query(Cases::map).list().forEach(c -> found.add(snapshot(c)));
        }
        return found;
    }

    private static AppealSnapshot snapshot(Case c) {
        return new AppealSnapshot(c.number, c.status, c.channel, c.title, c.content, c.lat, c.lon, c.streetCode,
                c.communityCode, c.gridCode, c.departmentId, c.createdAt);
    }

    @Override
    public java.util.Optional<cn.civicloop.cases.ResidentContact> residentContact(String number) {
        return cases.byNumber(number).filter(c -> c.contactPhone != null && !c.contactPhone.isBlank())
                .map(c -> new cn.civicloop.cases.ResidentContact(c.number, c.channel, c.contactName, c.contactPhone));
    }

    CaseView view(Case c, Actor reader) {
        boolean hideContact = c.anonymous && !reader.districtWide();
        Set<CaseAction> allowed = EnumSet.noneOf(CaseAction.class);
        CaseHolders holders = holders(c);
        Transitions.allowedIn(c.status).stream()
                .filter(a -> CaseAccess.mayPerform(reader, a, holders)).forEach(allowed::add);
        // Offer an action only when it has something to act on.
        int openSupervisions = supervisions.open(c.id);
        if (openSupervisions == 0) {
            allowed.remove(CaseAction.ACKNOWLEDGE);
        }
        if (holders.coHandlers().isEmpty()) {
            allowed.remove(CaseAction.RELEASE_CO_HANDLER);
        }
        return new CaseView(c.number, c.status, c.status.label(), c.channel, c.externalRef, c.kind, c.urgency,
                c.category, c.title, c.content, c.address, c.lat, c.lon, c.streetCode, c.communityCode, c.gridCode,
                hideContact ? Masking.name(c.contactName) : c.contactName,
                hideContact ? Masking.phone(c.contactPhone) : c.contactPhone, c.anonymous, c.departmentId,
                departmentName(c.departmentId), c.unitId, departmentName(c.unitId), c.handlerId, c.dueAt, c.replyText,
                c.extensionDays, c.followUpResolved, c.satisfaction,
                c.duplicateOf == null ? null : cases.numberOf(c.duplicateOf).orElse(null), c.reworkCount,
                c.reopenCount, c.returnCount, reporters.count(c.id), c.createdAt, c.updatedAt, c.closedAt, c.version,
                allowed, attachments.of(c.id), clockViews(c), coTaskViews(c), openSupervisions, c.arbitrated);
    }

    CaseHolders holders(Case c) {
        return new CaseHolders(c.departmentId, c.unitId, coHandling.activeDepartments(c.id));
    }

    private List<CaseView.ClockView> clockViews(Case c) {
        Instant now = clock.instant();
        return clocks.of(c.id).stream().map(k -> {
            double percent = Math.round(math.percent(k, now) * 10) / 10.0;
            String state = k.stoppedAt() != null ? "STOPPED" : k.pausedAt() != null ? "PAUSED" : "RUNNING";
            return new CaseView.ClockView(k.stage(), k.stage().label(), k.round(), k.startedAt(), k.dueAt(), percent,
                    TrafficLight.of(percent).name(), state);
        }).toList();
    }

    private List<CaseView.CoTaskView> coTaskViews(Case c) {
        return coHandling.of(c.id).stream().map(t -> new CaseView.CoTaskView(t.departmentId(),
                departmentName(t.departmentId()), t.status().name(), t.dueAt(), t.repliedAt(), t.replyText(),
                t.closedNote())).toList();
    }

    PublicCaseView publicView(Case c) {
        boolean replyPublished = c.status == CaseStatus.AWAITING_FOLLOW_UP || c.status == CaseStatus.CLOSED;
        List<PublicCaseView.PublicEntry> entries = new ArrayList<>();
        for (Timeline.Row r : timeline.of(c.id)) {
            if (r.publicEntry()) {
                entries.add(new PublicCaseView.PublicEntry(r.at(), r.action().label(), r.to().label(), by(r),
                        Visibility.remarkIsPublic(r.action()) ? r.reason() : null));
            }
        }
        return new PublicCaseView(c.number, c.status, c.status.label(), c.channel, c.channel.label(), c.title,
                c.content, c.address, Masking.name(c.contactName), Masking.phone(c.contactPhone),
                departmentName(c.departmentId), c.createdAt, c.dueAt, replyPublished ? c.replyText : null,
                c.followUpResolved, c.satisfaction, c.status == CaseStatus.AWAITING_FOLLOW_UP && c.satisfaction == null,
                c.status == CaseStatus.CLOSED && c.reopenCount == 0, entries, attachments.of(c.id));
    }

    /** The user's words taken literally: LIKE's wildcards and the escape character itself are escaped. */
    static String likeLiteral(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private String by(Timeline.Row r) {
        Role role = Role.valueOf(r.actorRole());
        if (role == Role.HANDLER || role == Role.DEPT_HEAD) {
            String name = departmentName(r.departmentId());
            return name != null ? name : "承办单位";
        }
        return switch (role) {
            case RESIDENT -> "群众";
            case SYSTEM -> "系统";
            default -> "区社会治理服务中心";
        };
    }

    private Case readable(String number, Actor reader) {
        Case c = cases.byNumber(number).orElseThrow(() -> new NotFoundException("工单不存在 (no such case): " + number));
        if (!CaseAccess.canRead(reader, holders(c))) {
            throw new ForbiddenException("无权查看该工单 (this case is not yours to see)");
        }
        return c;
    }

    Case residentCase(String number, String token) {
        return cases.byNumber(number).filter(c -> tokens.matches(c.number, token))
                .orElseThrow(() -> new NotFoundException("工单号或查询码不正确 (no case with this number and token)"));
    }

    private String departmentName(Long id) {
        return id == null ? null : directory.department(id).map(Department::name).orElse(null);
    }
}
