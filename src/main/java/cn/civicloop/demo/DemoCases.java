package cn.civicloop.demo;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.civicloop.cases.CaseCommand;
import cn.civicloop.cases.CaseManagement;
import cn.civicloop.cases.CaseQueries;
import cn.civicloop.cases.OpenedCase;
import cn.civicloop.cases.Satisfaction;
import cn.civicloop.cases.Channel;
import cn.civicloop.directory.Actor;
import cn.civicloop.directory.Department;
import cn.civicloop.directory.Directory;
import cn.civicloop.geo.GeoPoint;
import cn.civicloop.geo.Jurisdictions;
import cn.civicloop.intake.AppealIntake;
import cn.civicloop.intake.ChannelOwners;
import cn.civicloop.intake.AppealForm;

/** Opens the demo cases once, on a database without cases, and walks each to its stage. */
@Component
@Order(10)
@ConditionalOnProperty(name = "civicloop.demo.seed-cases", havingValue = "true")
class DemoCases implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCases.class);
    /** The district seat in WGS84; demo points are offsets from it. */
    private static final GeoPoint SEAT = new GeoPoint(34.85766, 117.55162);

    private final AppealIntake intake;
    private final CaseManagement cases;
    private final CaseQueries queries;
    private final Directory directory;
    private final Jurisdictions jurisdictions;

    DemoCases(AppealIntake intake, CaseManagement cases, CaseQueries queries, Directory directory,
            Jurisdictions jurisdictions) {
        this.intake = intake;
        this.cases = cases;
        this.queries = queries;
        this.directory = directory;
        this.jurisdictions = jurisdictions;
    }

    /**
     * One transaction for the whole demo: the events of the demo cases reach their listeners (triage,
     * notifications) after the scripted steps are done, so automatic routing cannot race the script.
     */
    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (queries.list(new CaseQueries.CaseFilter(null, null, null, null, null, 0, 1), Actor.system()).total() > 0) {
            return;
        }
        List<DemoAppeal> appeals = DemoScenario.appeals();
        appeals.forEach(this::open);
        log.info("Demo district: opened {} demo cases", appeals.size());
    }

    private void open(DemoAppeal a) {
        GeoPoint point = new GeoPoint(SEAT.lat() + a.northOffset() / 1000.0, SEAT.lon() + a.eastOffset() / 1000.0);
        boolean located = (a.northOffset() != 0 || a.eastOffset() != 0) && jurisdictions.locate(point).isPresent();
        AppealForm form = new AppealForm(a.channel(), "DEMO-" + Math.abs(a.title().hashCode()), a.kind(), a.urgency(),
                null, a.title(), a.content(), located ? new AppealForm.Location(point.lat(), point.lon(), null) : null,
                a.address(), new AppealForm.Contact(a.contactName(), a.contactPhone()), false);
        // a resident on a public channel; the hotline's operator; the feeds of the staff channels as the application
        Actor submitter = a.channel() == Channel.HOTLINE_12345 ? staff("operator")
                : ChannelOwners.isPublic(a.channel()) ? Actor.resident() : Actor.system();
        OpenedCase opened = intake.submit(form, List.of(), submitter);
        for (DemoAppeal.Step step : a.steps()) {
            cases.perform(opened.number(), command(step), staff(step.user()));
        }
    }

    private CaseCommand command(DemoAppeal.Step s) {
        return switch (s.action()) {
            case "register" -> new CaseCommand.Register(null);
            case "assign" -> new CaseCommand.Assign(department(s.value()), null, null);
            case "sign" -> new CaseCommand.Sign(null);
            case "reply" -> new CaseCommand.Reply(s.value(), List.of());
            case "approve" -> new CaseCommand.Approve(null);
            case "follow-up" -> new CaseCommand.FollowUp(true, Satisfaction.valueOf(s.value()), null);
            case "close" -> new CaseCommand.Close(null);
            case "return" -> new CaseCommand.Return(s.value());
            case "request-extension" -> new CaseCommand.RequestExtension(10, s.value());
            case "answer" -> new CaseCommand.Answer(s.value());
            case "void" -> new CaseCommand.Void(s.value());
            default -> throw new IllegalStateException("unknown demo step " + s.action());
        };
    }

    private long department(String code) {
        return directory.departmentByCode(code).map(Department::id)
                .orElseThrow(() -> new IllegalStateException("demo department missing: " + code));
    }

    private Actor staff(String username) {
        return directory.staffActor(username)
                .orElseThrow(() -> new IllegalStateException("demo user missing: " + username));
    }
}
