package cn.civicloop.dispatch.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.civicloop.cases.AppealKind;
import cn.civicloop.cases.CaseCommand;
import cn.civicloop.cases.CaseManagement;
import cn.civicloop.cases.CaseStatus;
import cn.civicloop.cases.Channel;
import cn.civicloop.cases.OpenedCase;
import cn.civicloop.cases.StepRemark;
import cn.civicloop.cases.Urgency;
import cn.civicloop.directory.Actor;
import cn.civicloop.directory.Department;
import cn.civicloop.directory.Directory;
import cn.civicloop.dispatch.DispatchFeed;
import cn.civicloop.dispatch.IncidentAction;
import cn.civicloop.dispatch.IncidentStatus;
import cn.civicloop.dispatch.IncidentType;
import cn.civicloop.geo.Datum;
import cn.civicloop.geo.Jurisdictions;
import cn.civicloop.intake.AppealForm;
import cn.civicloop.intake.AppealIntake;
import cn.civicloop.shared.ConflictException;
import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.shared.NotFoundException;
import cn.civicloop.triage.LinkageRouting;
import cn.civicloop.shared.Phrase;

/**
 * 联动分流: hands a non-police call to a linked agency in one step. The call becomes a case of the governance loop
 * (channel 110社会联动, a 110 kind with the linkage time limits) through the intake API, registered and assigned
 * at once to the agency the desk names or, when it names none, to the one the routing catalogue's 110 diversion
 * rules name. Refused before anything is written — no case, the incident unchanged — for a priority-1 call (the
 * police go) and when no agency can be resolved (a case without a department would wait unseen). The agency's
 * feedback comes back through {@link LinkageFeedback}.
 */
@Service
public class LinkageDiversion {

    private final Incidents incidents;
    private final AppealIntake intake;
    private final CaseManagement cases;
    private final Directory directory;
    private final LinkageRouting routing;
    private final Jurisdictions jurisdictions;
    private final DispatchFeed feed;
    private final Clock clock;

    LinkageDiversion(Incidents incidents, AppealIntake intake, CaseManagement cases, Directory directory,
            LinkageRouting routing, Jurisdictions jurisdictions, DispatchFeed feed, Clock clock) {
        this.incidents = incidents;
        this.intake = intake;
        this.cases = cases;
        this.directory = directory;
        this.routing = routing;
        this.jurisdictions = jurisdictions;
        this.feed = feed;
        this.clock = clock;
    }

    /** The agencies of the 110 social-linkage centre the desk may choose from. */
    public List<Department> agencies() {
        return directory.departments().stream().filter(Department::linkage).filter(Department::active)
                .filter(d -> !d.code().startsWith("GAJ")).toList();
    }

    /** The 110 kind a diverted call keeps on its case: a dispute stays a dispute, anything else is a request for help. */
    static AppealKind kindOf(IncidentType type) {
        return type == IncidentType.DISPUTE ? AppealKind.LINKAGE_DISPUTE : AppealKind.LINKAGE_HELP;
    }

    @Transactional
    public IncidentRecord divert(String number, String agencyCode, String note, Actor actor) {
        Access.desk(actor);
        IncidentRecord i = incidents.byNumber(number).flatMap(r -> incidents.lock(r.id()))
                .orElseThrow(() -> new NotFoundException(Phrase.of("problem.dispatch.no-such-incident", "没有警情 {0}", number)));
        IncidentStatus to = IncidentTransitions.next(i.status(), IncidentAction.DIVERT).orElseThrow(() ->
                new ConflictException(Phrase.of("problem.dispatch.divert-state", "警情{0}，不能分流", Words.of(i.status()))));
        if (i.priority() == 1) {
            throw new ConflictException(Phrase.of("problem.dispatch.divert-priority-1", "一级警情须派警处置，不能分流"));
        }
        String title = i.type().label() + "：" + i.summary();
        title = title.substring(0, Math.min(200, title.length()));
        String content = i.summary() + "\n（110警情 " + i.number() + " 联动分流" + (blank(note) ? "" : "：" + note) + "）";
        Department agency = agency(agencyCode, title, content, i);
        AppealForm form = new AppealForm(Channel.POLICE_110, i.number(), kindOf(i.type()),
                i.priority() <= 2 ? Urgency.URGENT : Urgency.NORMAL, null, title, content,
                i.placed() ? new AppealForm.Location(i.place().lat(), i.place().lon(), Datum.WGS84) : null, i.address(),
                new AppealForm.Contact(i.callerName(), i.callerPhone()), false);
        OpenedCase opened = intake.submit(form, List.of(), actor);
        if (opened.status() == CaseStatus.SUBMITTED) {
            cases.perform(opened.number(), new CaseCommand.Register(
                    StepRemark.of(StepRemark.Kind.LINKAGE_REGISTERED, null).stored()), Actor.system());
        }
        cases.perform(opened.number(), new CaseCommand.Assign(agency.id(), null, StepRemark.of(
                StepRemark.Kind.LINKAGE_DIVERTED, blank(note) ? null : note, actor.displayName()).stored()),
                Actor.system());
        Instant now = clock.instant();
        incidents.setLinkage(i.id(), opened.number(), agency.name());
        incidents.transition(i, IncidentAction.DIVERT, to, "diverted_at", now, actor.username(),
                opened.number() + " → " + agency.name() + (blank(note) ? "" : " · " + note));
        AfterCommit.run(() -> feed.toCentre("incident", Map.of("number", i.number())));
        return incidents.get(i.id()).orElseThrow();
    }

    /** The agency named by the desk, else the one the catalogue's 110 diversion rules name; refused if none. */
    private Department agency(String code, String title, String content, IncidentRecord i) {
        if (!blank(code)) {
            return agencies().stream().filter(d -> d.code().equals(code)).findFirst()
                    .orElseThrow(() -> new InvalidInputException("agency", Phrase.of("problem.dispatch.not-an-agency", "不是联动单位：{0}", code)));
        }
        List<String> areas = !i.placed() ? List.of() : jurisdictions.locate(i.place())
                .map(p -> Stream.of(p.street().code(), p.community().code(), p.grid().code()).filter(Objects::nonNull).toList())
                .orElse(List.of());
        return routing.agencyFor(title, content, areas).flatMap(directory::departmentByCode).filter(Department::active)
                .orElseThrow(() -> new InvalidInputException("agency",
                        Phrase.of("problem.dispatch.no-agency-rule", "派单目录中没有适用于此警情的联动单位，请选择联动单位")));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
