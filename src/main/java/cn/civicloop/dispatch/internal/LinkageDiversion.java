package cn.civicloop.dispatch.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.civicloop.cases.CaseCommand;
import cn.civicloop.cases.CaseManagement;
import cn.civicloop.cases.CaseStatus;
import cn.civicloop.cases.Channel;
import cn.civicloop.cases.OpenedCase;
import cn.civicloop.directory.Actor;
import cn.civicloop.directory.Department;
import cn.civicloop.directory.Directory;
import cn.civicloop.dispatch.DispatchFeed;
import cn.civicloop.dispatch.IncidentAction;
import cn.civicloop.dispatch.IncidentStatus;
import cn.civicloop.geo.Datum;
import cn.civicloop.intake.AppealForm;
import cn.civicloop.intake.AppealIntake;
import cn.civicloop.shared.ConflictException;
import cn.civicloop.shared.InvalidInputException;

/**
 * 联动分流: hands a non-police call to a linked agency in one step. The call becomes a case of the governance loop
 * (channel 110社会联动) through the intake API. When the desk names the agency the case is assigned to it at once;
 * otherwise the routing catalogue's 110 diversion rules (triage) place it, as for any other case. The agency's
 * feedback comes back through {@link LinkageFeedback}.
 */
@Service
public class LinkageDiversion {

    private final Incidents incidents;
    private final AppealIntake intake;
    private final CaseManagement cases;
    private final Directory directory;
    private final DispatchFeed feed;
    private final Clock clock;

    LinkageDiversion(Incidents incidents, AppealIntake intake, CaseManagement cases, Directory directory,
            DispatchFeed feed, Clock clock) {
        this.incidents = incidents;
        this.intake = intake;
        this.cases = cases;
        this.directory = directory;
        this.feed = feed;
        this.clock = clock;
    }

    /** The agencies of the 110 social-linkage centre the desk may choose from. */
    public List<Department> agencies() {
        return directory.departments().stream().filter(Department::linkage).filter(Department::active)
                .filter(d -> !d.code().startsWith("GAJ")).toList();
    }

    @Transactional
    public IncidentRecord divert(String number, String agencyCode, String note, Actor actor) {
        Access.desk(actor);
        IncidentRecord i = incidents.byNumber(number).flatMap(r -> incidents.lock(r.id()))
                .orElseThrow(() -> new cn.civicloop.shared.NotFoundException("没有警情 " + number));
        IncidentStatus to = IncidentTransitions.next(i.status(), IncidentAction.DIVERT).orElseThrow(() ->
                new ConflictException("警情" + i.status().label() + "，不能分流 (only an incident not yet dispatched)"));
        Department agency = agencyCode == null || agencyCode.isBlank() ? null : agencies().stream()
                .filter(d -> d.code().equals(agencyCode)).findFirst()
                .orElseThrow(() -> new InvalidInputException("agency", "不是联动单位 (not a linked agency): " + agencyCode));
        String title = (i.type().label() + "：" + i.summary());
        AppealForm form = new AppealForm(Channel.POLICE_110, i.number(), null, null, null,
                title.substring(0, Math.min(200, title.length())),
                i.summary() + "\n（110警情 " + i.number() + " 联动分流" + (note == null || note.isBlank() ? "" : "：" + note) + "）",
                new AppealForm.Location(i.place().lat(), i.place().lon(), Datum.WGS84), i.address(),
                new AppealForm.Contact(i.callerName(), i.callerPhone()), false);
        OpenedCase opened = intake.submit(form, List.of(), actor);
        if (agency != null) {
            if (opened.status() == CaseStatus.SUBMITTED) {
                cases.perform(opened.number(), new CaseCommand.Register("110联动分流受理"), Actor.system());
            }
            cases.perform(opened.number(), new CaseCommand.Assign(agency.id(), null,
                    "110联动分流（" + actor.displayName() + "）" + (note == null ? "" : "：" + note)), Actor.system());
        }
        Instant now = clock.instant();
        incidents.setLinkage(i.id(), opened.number(), agency == null ? null : agency.name(),
                agency == null ? "待研判分流" : "已派单待签收");
        incidents.transition(i, IncidentAction.DIVERT, to, "diverted_at", now, actor.username(),
                "工单 " + opened.number() + (agency == null ? "，按派单目录分流" : " → " + agency.name()));
        AfterCommit.run(() -> feed.toCentre("incident", Map.of("number", i.number())));
        return incidents.get(i.id()).orElseThrow();
    }
}
