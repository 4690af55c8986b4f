package cn.civicloop.cases.internal;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.MediaSupervisionRemark;
import cn.civicloop.cases.MediaSupervisionTimeline;
import cn.civicloop.directory.Actor;
import cn.civicloop.directory.Role;
import cn.civicloop.shared.ForbiddenException;
import cn.civicloop.shared.NotFoundException;
import cn.civicloop.shared.Phrase;
import cn.civicloop.shared.Text;

/**
 * Writes the media centre's supervision steps on a case's timeline. The media centre reads no case (it sees public
 * facts only), so the case is found by number whoever asks; the step's role is checked against the catalogue's
 * entry and the step itself (opening and publishing are the media centre's, the response the department's). The
 * media module checks that the responder belongs to the item's department.
 */
@Service
class MediaSupervisionSteps implements MediaSupervisionTimeline {

    private final CaseLookup lookup;
    private final Timeline timeline;
    private final Clock clock;

    MediaSupervisionSteps(CaseLookup lookup, Timeline timeline, Clock clock) {
        this.lookup = lookup;
        this.timeline = timeline;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void record(String number, Step step, long itemId, String why, Actor actor) {
        Case c = lookup.byNumber(number).orElseThrow(() -> new NotFoundException(
                Phrase.of("problem.cases.no-such-case", "工单不存在：{0}", number)));
        Role role = step == Step.RESPONDED ? (actor.has(Role.DEPT_HEAD) ? Role.DEPT_HEAD : Role.HANDLER)
                : Role.MEDIA_OFFICER;
        if (!actor.has(role) || !ActionCatalogue.entry(CaseAction.MEDIA_SUPERVISION).roles().contains(role)) {
            throw new ForbiddenException(Phrase.of("problem.cases.role-may-not", "您的角色不能执行「{0}」",
                    Phrase.of(CaseAction.MEDIA_SUPERVISION.labelKey(), CaseAction.MEDIA_SUPERVISION.label())));
        }
        // the step and the item's number, not a sentence: the page names the step in the reader's language
        String remark = new MediaSupervisionRemark(step, itemId, Text.cleanOrNull(why)).stored(Required.MAX_REMARK);
        timeline.append(c.id, clock.instant(), actor, role, CaseAction.MEDIA_SUPERVISION, c.status, c.status, remark,
                c.departmentId, Visibility.isPublic(CaseAction.MEDIA_SUPERVISION));
    }
}
