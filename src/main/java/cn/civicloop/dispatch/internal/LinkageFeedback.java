package cn.civicloop.dispatch.internal;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.CaseQueries;
import cn.civicloop.cases.CaseTransitioned;
import cn.civicloop.cases.Channel;
import cn.civicloop.cases.TimelineEntry;
import cn.civicloop.directory.Actor;
import cn.civicloop.directory.Department;
import cn.civicloop.directory.Directory;
import cn.civicloop.dispatch.DispatchFeed;
import cn.civicloop.dispatch.IncidentAction;
import cn.civicloop.dispatch.IncidentStatus;
import cn.civicloop.shared.SelectiveListener;

/**
 * Brings the progress of a diverted call's case back to the 110 record: each step of the case (assignment,
 * signing, the agency's reply, closure) lands in the incident's log; the case's closure closes the incident.
 * Runs after the case's transaction, in its own; a repeated delivery only adds a repeated log line.
 */
@Component
class LinkageFeedback implements SelectiveListener {

    private static final List<CaseAction> WITH_TEXT = List.of(CaseAction.REPLY, CaseAction.ANSWER, CaseAction.RETURN,
            CaseAction.DECLINE);

    private final Incidents incidents;
    private final CaseQueries cases;
    private final Directory directory;
    private final DispatchFeed feed;

    LinkageFeedback(Incidents incidents, CaseQueries cases, Directory directory, DispatchFeed feed) {
        this.incidents = incidents;
        this.cases = cases;
        this.directory = directory;
        this.feed = feed;
    }

    /** Only 110 cases can come from a diverted incident; no publication is stored for the others (issue #8). */
    @Override
    public boolean takes(Object event) {
        return !(event instanceof CaseTransitioned t) || t.channel() == null || t.channel() == Channel.POLICE_110;
    }

    @ApplicationModuleListener
    void on(CaseTransitioned event) {
        incidents.byCase(event.number()).filter(i -> i.status() == IncidentStatus.DIVERTED).ifPresent(i -> {
            String department = event.departmentId() == null ? null
                    : directory.department(event.departmentId()).map(Department::name).orElse(null);
            // the step is the case's status code (labelled by the page in its language); the note is data only
            String note = Stream.of(department, text(event)).filter(s -> s != null && !s.isBlank())
                    .collect(Collectors.joining(" · "));
            if (event.to().ended()) {
                incidents.transition(i, IncidentAction.LINKAGE_CLOSED, IncidentStatus.CLOSED, "closed_at",
                        event.occurredAt(), event.to().name(), "case:" + event.number(), blankToNull(note));
            } else {
                incidents.transition(i, IncidentAction.LINKAGE_FEEDBACK, IncidentStatus.DIVERTED, null,
                        event.occurredAt(), event.to().name(), "case:" + event.number(), blankToNull(note));
            }
            AfterCommit.run(() -> feed.toCentre("incident", Map.of("number", i.number())));
        });
    }

    private static String blankToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    /** The agency's own words for a reply or an answer, from the case's timeline. */
    private String text(CaseTransitioned event) {
        if (!WITH_TEXT.contains(event.action())) {
            return "";
        }
        List<TimelineEntry> timeline = cases.timeline(event.number(), Actor.system());
        return timeline.stream().filter(e -> e.action() == event.action()).reduce((a, b) -> b)
                .map(TimelineEntry::reason).orElse("");
    }
}
