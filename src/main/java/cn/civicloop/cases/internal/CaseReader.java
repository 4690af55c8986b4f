package cn.civicloop.cases.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.civicloop.cases.AppealSnapshot;
import cn.civicloop.cases.CaseQueries;
import cn.civicloop.cases.CaseView;
import cn.civicloop.cases.PublicCaseView;
import cn.civicloop.cases.ResidentContact;
import cn.civicloop.cases.TimelineEntry;
import cn.civicloop.directory.Actor;
import cn.civicloop.directory.Directory;
import cn.civicloop.shared.Phrase;
import cn.civicloop.shared.AuditTrail;
import cn.civicloop.shared.NotFoundException;

/** Reads cases for staff (scoped to what each may see) and for residents (token-proven, public parts only). */
@Service
@Transactional(readOnly = true)
class CaseReader implements CaseQueries {

    private final CaseLookup lookup;
    private final CaseViews views;
    private final CaseList caseList;
    private final Snapshots snapshots;
    private final Timeline timeline;
    private final Attachments attachments;
    private final Directory directory;
    private final AuditTrail audit;

    CaseReader(CaseLookup lookup, CaseViews views, CaseList caseList, Snapshots snapshots, Timeline timeline,
            Attachments attachments, Directory directory, AuditTrail audit) {
        this.audit = audit;
        this.lookup = lookup;
        this.views = views;
        this.caseList = caseList;
        this.snapshots = snapshots;
        this.timeline = timeline;
        this.attachments = attachments;
        this.directory = directory;
    }

    @Override
    public CaseView view(String number, Actor reader) {
        Case c = lookup.readable(number, reader);
        CaseView view = views.view(c, reader);
        if (reader.isStaff() && CaseViews.showsContact(c, reader)) {
            // 等保: every read of personal data in clear is audited (who, which case, when, from where)
            audit.personalDataRead("case " + number, "resident's contact shown unmasked");
        }
        return view;
    }

    @Override
    public List<TimelineEntry> timeline(String number, Actor reader) {
        Case c = lookup.readable(number, reader);
        return timeline.of(c.id).stream().map(r -> {
            Long actorDepartment = actorDepartment(r);
            return new TimelineEntry(r.id(), r.at(), r.action(), r.action().label(), r.from(), r.to(), r.actorName(),
                    r.actorRole(), r.reason(), r.departmentId(), DepartmentNames.of(directory, r.departmentId()),
                    r.publicEntry(), r.publicEntry() && Visibility.remarkIsPublic(r.action()),
                    actorDepartment, DepartmentNames.of(directory, actorDepartment));
        }).toList();
    }

    /**
     * The actor's own department; rows written before it was kept (V35) had only the step's department, which was
     * the actor's for department staff and is not known for anyone else.
     */
    private static Long actorDepartment(Timeline.Row r) {
        if (r.actorDepartmentId() != null) {
            return r.actorDepartmentId();
        }
        boolean departmentStaff = "HANDLER".equals(r.actorRole()) || "DEPT_HEAD".equals(r.actorRole());
        return departmentStaff && r.actorId() != null ? r.departmentId() : null;
    }

    @Override
    public CasePage list(CaseFilter filter, Actor reader) {
        return caseList.list(filter, reader);
    }

    @Override
    public PublicCaseView publicView(String number, String token) {
        CaseLookup.ResidentAccess access = lookup.resident(number, token);
        return views.publicView(access.own(), access.handling());
    }

    @Override
    public Photo photo(String number, long attachmentId, Actor reader) {
        return photo(lookup.readable(number, reader), attachmentId);
    }

    @Override
    public Photo publicPhoto(String number, String token, long attachmentId) {
        CaseLookup.ResidentAccess access = lookup.resident(number, token);
        // a reply's evidence is not the resident's before the reply is published: as absent as a wrong id
        boolean shown = views.publicPhotos(access.own(), access.handling()).stream()
                .anyMatch(p -> p.id() == attachmentId);
        Optional<Attachments.Content> own = attachments.content(access.own().id, attachmentId);
        return (own.isPresent() ? own : attachments.content(access.handling().id, attachmentId)).filter(p -> shown)
                .map(p -> new Photo(p.filename(), p.contentType(), p.data()))
                .orElseThrow(() -> new NotFoundException(Phrase.of("problem.cases.no-such-attachment", "附件不存在")));
    }

    private Photo photo(Case c, long attachmentId) {
        return attachments.content(c.id, attachmentId).map(p -> new Photo(p.filename(), p.contentType(), p.data()))
                .orElseThrow(() -> new NotFoundException(Phrase.of("problem.cases.no-such-attachment", "附件不存在")));
    }

    @Override
    public Optional<AppealSnapshot> snapshot(String number) {
        return snapshots.snapshot(number);
    }

    @Override
    public List<String> openNumbersSinceNear(Instant since, Instant before, AppealSnapshot near, double radiusMeters,
            int limit) {
        return snapshots.openNumbersSinceNear(since, before, near, radiusMeters, limit);
    }

    @Override
    public List<String> openAmong(Collection<String> numbers) {
        return snapshots.openAmong(numbers);
    }

    @Override
    public List<AppealSnapshot> snapshots(Collection<String> numbers) {
        return snapshots.snapshots(numbers);
    }

    @Override
    public Optional<ResidentContact> residentContact(String number) {
        return snapshots.residentContact(number);
    }

    @Override
    public List<ResidentContact> residentContacts(String number) {
        return snapshots.residentContacts(number);
    }

    @Override
    public Optional<String> mergedInto(String number) {
        return lookup.byNumber(number).filter(c -> c.duplicateOf != null).map(c -> lookup.handling(c).number);
    }
}
