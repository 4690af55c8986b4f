package cn.civicloop.roads.internal.issues;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.civicloop.cases.AppealKind;
import cn.civicloop.cases.CaseCommand;
import cn.civicloop.cases.CaseManagement;
import cn.civicloop.cases.Channel;
import cn.civicloop.cases.StepRemark;
import cn.civicloop.directory.Actor;
import cn.civicloop.directory.Directory;
import cn.civicloop.intake.AppealForm;
import cn.civicloop.intake.AppealIntake;
import cn.civicloop.roads.internal.Chief;
import cn.civicloop.roads.internal.RoadData;
import cn.civicloop.roads.internal.Segment;
import cn.civicloop.shared.Upload;

/**
 * An issue's way into the governance loop, through intake on the channel {@code ROAD_CHIEF}: a fix on the spot
 * becomes a case answered and closed at once by the system (即知即改 on the record), a hand-over a case that triage
 * routes. The external reference ({@code ROAD-FIX-id}, {@code ROAD-HO-id}) keeps each to one case.
 */
@Component
class IssueCases {

    private final AppealIntake intake;
    private final CaseManagement cases;
    private final Directory directory;
    private final RoadData data;

    IssueCases(AppealIntake intake, CaseManagement cases, Directory directory, RoadData data) {
        this.intake = intake;
        this.cases = cases;
        this.directory = directory;
        this.data = data;
    }

    /**
     * The case of a fix on the spot, closed by a direct answer: the reply is the chief's account of what he did, the
     * timeline's step says who fixed it ({@link StepRemark.Kind#FIXED_ON_SPOT}); answers its number.
     */
    String fixedOnSpot(long issueId, Chief reporter, String title, String description, String resolution,
            IssueReport place, Long segmentId, List<Upload> photos) {
        Actor submitter = directory.staffActor(reporter.username() == null ? "" : reporter.username()).orElse(Actor.system());
        String number = intake.submit(appeal(issueId, "FIX", title, description, place.lat(), place.lon(), segmentId,
                reporter), photos, submitter).number();
        // the reply is the chief's own account; who fixed it is a step the timeline names in the reader's language
        cases.perform(number, new CaseCommand.Answer(resolution,
                StepRemark.of(StepRemark.Kind.FIXED_ON_SPOT, resolution, reporter.level(), reporter.name())),
                Actor.system());
        return number;
    }

    /**
     * The case of a matter outside the chiefs' remit, with the issue's photos: its content the issue's description,
     * and an internal note of the system naming the chief, the issue and his note ({@link StepRemark.Kind#ROAD_HANDED_OVER},
     * worded in the reader's language); answers its number.
     */
    String handOver(IssueRecord issue, Chief chief, Actor actor, String note, List<Upload> photos) {
        String number = intake.submit(appeal(issue.id(), "HO", issue.title(), issue.description(), issue.lat(),
                issue.lon(), issue.segmentId(), chief), photos, actor).number();
        cases.perform(number, new CaseCommand.Note(StepRemark.of(StepRemark.Kind.ROAD_HANDED_OVER, note, chief.level(),
                chief.name(), issue.id()).stored(), false), Actor.system());
        return number;
    }

    private AppealForm appeal(long id, String kind, String title, String content, Double lat, Double lon, Long segmentId,
            Chief chief) {
        Segment s = segmentId == null ? null : data.segment(segmentId).orElse(null);
        AppealForm.Location location = lat == null || lon == null ? null : new AppealForm.Location(lat, lon, null);
        String address = s == null ? null : s.section() != null ? s.section() : s.name();
        return new AppealForm(Channel.ROAD_CHIEF, "ROAD-" + kind + "-" + id, AppealKind.COMPLAINT, null, null, title,
                content, location, address, new AppealForm.Contact(chief.name(), chief.phone()), false);
    }
}
