package cn.civicloop.roads.internal.issues;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.civicloop.cases.AppealSnapshot;
import cn.civicloop.cases.CaseQueries;
import cn.civicloop.directory.Actor;
import cn.civicloop.directory.Department;
import cn.civicloop.directory.Directory;
import cn.civicloop.roads.internal.Chief;
import cn.civicloop.roads.internal.Chiefs;
import cn.civicloop.roads.internal.RoadArea;
import cn.civicloop.roads.internal.RoadData;
import cn.civicloop.roads.internal.RoadsProperties;
import cn.civicloop.roads.internal.Segment;
import cn.civicloop.shared.NotFoundException;
import cn.civicloop.shared.Phrase;

/** Issues as chiefs and leaders read them ({@link IssueAccess} decides who), with their steps and case progress. */
@Component
public class IssueReader {

    private final IssueStore store;
    private final RoadData data;
    private final Chiefs chiefs;
    private final CaseQueries caseQueries;
    private final Directory directory;
    private final RoadsProperties properties;
    private final Clock clock;

    IssueReader(IssueStore store, RoadData data, Chiefs chiefs, CaseQueries caseQueries, Directory directory,
            RoadsProperties properties, Clock clock) {
        this.store = store;
        this.data = data;
        this.chiefs = chiefs;
        this.caseQueries = caseQueries;
        this.directory = directory;
        this.properties = properties;
        this.clock = clock;
    }

    public IssueView view(long id, Actor reader) {
        IssueRecord r = store.find(id).orElseThrow(() -> new NotFoundException(
                Phrase.of("problem.roads.no-such-issue", "没有这个路长问题：{0}", id)));
        Chief chief = chiefs.find(reader).orElse(null);
        IssueAccess.requireRead(reader, chief, r, () -> data.areasLedBy(chief),
                () -> store.passedThrough(r.id(), chief.id()));
        return toView(r);
    }

    /** What a chief sees: the issues he holds first, then those he reported; leaders see the latest of all. */
    public List<IssueView> visible(Actor reader, Chief chief, int limit) {
        List<IssueRecord> rows = switch (IssueAccess.listing(reader, chief)) {
            case CHIEF -> store.ofChief(chief, limit);
            case ALL -> store.latest(limit);
        };
        return rows.stream().map(this::toView).toList();
    }

    private IssueView toView(IssueRecord r) {
        Chief reporter = data.chief(r.reporterId()).orElseThrow();
        Chief holder = r.holderId() == null ? null : data.chief(r.holderId()).orElse(null);
        Segment s = r.segmentId() == null ? null : data.segment(r.segmentId()).orElse(null);
        String caseStatus = null;
        String caseDepartment = null;
        if (r.caseNumber() != null) {
            Optional<AppealSnapshot> snap = caseQueries.snapshot(r.caseNumber());
            caseStatus = snap.map(x -> x.status().name()).orElse(null);
            caseDepartment = snap.map(AppealSnapshot::departmentId).flatMap(directory::department)
                    .map(Department::name).orElse(null);
        }
        Instant due = r.pending() && r.answeredAt() == null && r.heldSince() != null && holder != null
                ? r.heldSince().plus(properties.answerWithin(holder.level())) : null;
        List<IssueView.Step> steps = store.steps(r.id());
        boolean overdue = steps.stream().anyMatch(x -> x.action().equals(IssueAction.OVERDUE.name()))
                || (due != null && due.isBefore(clock.instant()));
        String squadName = r.squadId() == null ? null : data.squadName(r.squadId()).orElse(null);
        String areaName = r.areaId() == null ? null : data.area(r.areaId()).map(RoadArea::name).orElse(null);
        return new IssueView(r.id(), r.title(), r.description(), r.status().name(), r.status().label(), r.fixedOnSpot(),
                s == null ? null : s.code(), s == null ? null : s.name(), areaName, squadName, reporter.id(),
                reporter.name(), reporter.level(), holder == null ? null : holder.id(),
                holder == null ? null : holder.name(), holder == null ? null : holder.level(), r.reportedAt(),
                r.heldSince(), r.answeredAt(), due, overdue, r.caseNumber(), caseStatus, caseDepartment, r.lat(), r.lon(),
                store.photoCount(r.id()), steps);
    }
}
