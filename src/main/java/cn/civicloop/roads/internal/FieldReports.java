package cn.civicloop.roads.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

import cn.civicloop.cases.AppealKind;
import cn.civicloop.cases.Channel;
import cn.civicloop.cases.OpenedCase;
import cn.civicloop.directory.Actor;
import cn.civicloop.directory.Role;
import cn.civicloop.intake.AppealForm;
import cn.civicloop.intake.AppealIntake;
import cn.civicloop.shared.ForbiddenException;
import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.shared.Phrase;
import cn.civicloop.shared.Upload;

/**
 * Grid workers (网格员) and village auxiliary police (驻村辅警) report what they see through the same phone pages:
 * straight into intake on their own channel, with position and photos; triage routes the case.
 */
@Service
public class FieldReports {

    private final AppealIntake intake;

    FieldReports(AppealIntake intake) {
        this.intake = intake;
    }

    public record FieldReport(Channel channel, String clientRef, String title, String content, Double lat, Double lon,
            String address) {
    }

    public OpenedCase submit(FieldReport report, List<Upload> photos, Actor actor) {
        if (!actor.has(Role.GRID_WORKER)) {
            throw new ForbiddenException(Phrase.of("problem.roads.field-reporters-only", "只有网格员或驻村辅警可以上报"));
        }
        Channel channel = report.channel() == null ? Channel.GRID_WORKER : report.channel();
        if (channel != Channel.GRID_WORKER && channel != Channel.VILLAGE_AUX_POLICE) {
            throw new InvalidInputException("channel",
                    Phrase.of("problem.roads.field-report-channel", "渠道只能是 GRID_WORKER 或 VILLAGE_AUX_POLICE"));
        }
        String ref = report.clientRef() == null || report.clientRef().isBlank() ? UUID.randomUUID().toString()
                : report.clientRef().strip();
        AppealForm.Location location = report.lat() == null || report.lon() == null ? null
                : new AppealForm.Location(report.lat(), report.lon(), null);
        String externalRef = (channel == Channel.GRID_WORKER ? "GRID-" : "AUX-") + actor.username() + "-" + ref;
        AppealForm form = new AppealForm(channel, externalRef.length() > 100 ? externalRef.substring(0, 100) : externalRef,
                AppealKind.COMPLAINT, null, null, report.title(), report.content(), location, report.address(),
                new AppealForm.Contact(actor.displayName(), null), false);
        return intake.submit(form, photos, actor);
    }
}
