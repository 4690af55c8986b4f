package cn.civicloop.exchange.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.CaseStatus;
import cn.civicloop.cases.CaseTransitioned;
import cn.civicloop.cases.Channel;
import cn.civicloop.directory.Department;
import cn.civicloop.directory.DepartmentKind;
import cn.civicloop.directory.Directory;
import cn.civicloop.exchange.CaseAssignedMessage;
import cn.civicloop.exchange.CaseClosedMessage;
import cn.civicloop.exchange.CaseRepliedMessage;

/** Which case transitions leave, and what of them. */
class ExternalEventsTests {

    private static final Instant AT = Instant.parse("2026-03-02T01:30:00Z");

    private final Directory directory = Mockito.mock(Directory.class);
    private final ExternalEvents events = new ExternalEvents(() -> directory);

    private static CaseTransitioned t(CaseAction action, CaseStatus from, CaseStatus to) {
        return new CaseTransitioned("SZ-1", action, from, to, 7L, 42L, AT, Channel.WEBSITE);
    }

    @Test
    void assignmentsRepliesAndEndingsLeaveTheRestStaysInside() {
        assertThat(events.published(t(CaseAction.ASSIGN, CaseStatus.REGISTERED, CaseStatus.ASSIGNED))).isTrue();
        assertThat(events.published(t(CaseAction.ASSIGN_UNIT, CaseStatus.IN_PROGRESS, CaseStatus.ASSIGNED))).isTrue();
        assertThat(events.published(t(CaseAction.REPLY, CaseStatus.IN_PROGRESS, CaseStatus.REPLIED))).isTrue();
        assertThat(events.published(t(CaseAction.CLOSE, CaseStatus.AWAITING_FOLLOW_UP, CaseStatus.CLOSED))).isTrue();
        assertThat(events.published(t(CaseAction.DECLINE, CaseStatus.SUBMITTED, CaseStatus.DECLINED))).isTrue();
        assertThat(events.published(t(CaseAction.SIGN, CaseStatus.ASSIGNED, CaseStatus.IN_PROGRESS))).isFalse();
        assertThat(events.published(t(CaseAction.NOTE, CaseStatus.CLOSED, CaseStatus.CLOSED))).as("already ended")
                .isFalse();
        assertThat(events.published("a string")).isFalse();
    }

    @Test
    void departmentsLeaveAsCodesStaffNotAtAllTimesInTheDistrictsOffset() {
        Mockito.when(directory.department(7L)).thenReturn(Optional.of(
                new Department(7L, "ZFJ", "区综合行政执法局", DepartmentKind.FUNCTIONAL, null, null, null, false, true)));
        CaseAssignedMessage assigned = (CaseAssignedMessage) events.map(
                t(CaseAction.ASSIGN, CaseStatus.REGISTERED, CaseStatus.ASSIGNED));
        assertThat(assigned.departmentCode()).isEqualTo("ZFJ");
        assertThat(assigned.occurredAt()).isEqualTo("2026-03-02T09:30:00+08:00");
        assertThat(assigned.toString()).doesNotContain("42");
        assertThat(events.map(t(CaseAction.REPLY, CaseStatus.IN_PROGRESS, CaseStatus.REPLIED)))
                .isInstanceOf(CaseRepliedMessage.class);
        assertThat(events.map(t(CaseAction.CLOSE, CaseStatus.AWAITING_FOLLOW_UP, CaseStatus.CLOSED)))
                .isInstanceOf(CaseClosedMessage.class);
    }

    @Test
    void theSameEventAlwaysHasTheSameIdAndAnotherAnother() {
        CaseTransitioned e = t(CaseAction.CLOSE, CaseStatus.AWAITING_FOLLOW_UP, CaseStatus.CLOSED);
        String id = ((CaseClosedMessage) events.map(e)).eventId();
        assertThat(((CaseClosedMessage) events.map(e)).eventId()).isEqualTo(id);
        CaseTransitioned later = new CaseTransitioned("SZ-1", CaseAction.CLOSE, CaseStatus.AWAITING_FOLLOW_UP,
                CaseStatus.CLOSED, 7L, 42L, AT.plusSeconds(1), Channel.WEBSITE);
        assertThat(((CaseClosedMessage) events.map(later)).eventId()).isNotEqualTo(id);
    }
}
