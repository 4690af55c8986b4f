package cn.civicloop.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.CaseCommand;

/**
 * What the resident sees of each kind of timeline entry: an internal step (a return) nothing, a registration that it
 * happened, a decline that it happened and why, a note what the member of staff chose for it.
 */
class VisibilityTests {

    @Test
    void aCommandsEntryIsPublicAsItsActionSays() {
        assertThat(Visibility.isPublic(new CaseCommand.Register(null))).as("a step").isTrue();
        assertThat(Visibility.isPublic(new CaseCommand.Decline("不属受理范围"))).as("a step and its remark").isTrue();
        assertThat(Visibility.isPublic(new CaseCommand.Return("不属本单位职责"))).as("an internal step").isFalse();
    }

    @Test
    void aNoteIsPublicOnlyWhenMarkedSo() {
        assertThat(Visibility.isPublic(new CaseCommand.Note("已联系市民", true))).isTrue();
        assertThat(Visibility.isPublic(new CaseCommand.Note("内部备注", false))).isFalse();
    }

    @Test
    void aStepRecordedWithoutACommandIsPublicOnlyWhenItsActionIsShown() {
        assertThat(Visibility.isPublic(CaseAction.REGISTER)).isTrue();
        assertThat(Visibility.isPublic(CaseAction.DECLINE)).isTrue();
        assertThat(Visibility.isPublic(CaseAction.RETURN)).isFalse();
        assertThat(Visibility.isPublic(CaseAction.NOTE)).as("a chosen visibility is not chosen: internal").isFalse();
        assertThat(Visibility.isPublic(CaseAction.REMIND)).as("escalation steps stay inside").isFalse();
    }

    @Test
    void theRemarkIsShownForRemarkedStepsAndNotesOnly() {
        assertThat(Visibility.remarkIsPublic(CaseAction.DECLINE)).isTrue();
        assertThat(Visibility.remarkIsPublic(CaseAction.NOTE)).isTrue();
        assertThat(Visibility.remarkIsPublic(CaseAction.REGISTER)).isFalse();
        assertThat(Visibility.remarkIsPublic(CaseAction.RETURN)).isFalse();
    }
}
