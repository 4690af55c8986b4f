package cn.civicloop.cases.web.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.civicloop.cases.CaseAction;
import cn.civicloop.directory.Actor;
import cn.civicloop.directory.Role;

/** Which case changes wake which staff case list (the list itself is always re-fetched under the viewer's rights). */
class CaseListFeedScopeTests {

    private static final long ZFJ = 3L;
    private static final long ZFJ_UNIT = 31L;
    private static final long ZJJ = 5L;

    private static Actor staff(Role role, Long department, boolean districtWide) {
        return new Actor(1L, "u", "u", Set.of(role), department, districtWide);
    }

    /** The catalogue's moving actions as ActionCatalogueTests pins them; here only their use matters. */
    private static final Set<CaseAction> MOVES = EnumSet.of(CaseAction.ASSIGN, CaseAction.REASSIGN,
            CaseAction.ASSIGN_UNIT, CaseAction.RETURN, CaseAction.DENY_RETURN, CaseAction.ARBITRATE, CaseAction.VOID,
            CaseAction.MERGE, CaseAction.ADD_CO_HANDLER, CaseAction.RELEASE_CO_HANDLER, CaseAction.CO_RETURN);

    private static CaseChangeSignals.Change change(Long department, CaseAction action) {
        return CaseChangeSignals.Change.parse((department == null ? "-" : department.toString()) + "|" + action.name());
    }

    @Test
    void theDistrictCentreAndLeadersHearEveryChange() {
        for (Actor a : new Actor[] { staff(Role.OPERATOR, 1L, true), staff(Role.LEADER, null, true),
                staff(Role.TRIAGE_OFFICER, 1L, true) }) {
            assertThat(CaseListFeed.concerns(a, null, change(ZJJ, CaseAction.SIGN), MOVES)).isTrue();
        }
    }

    @Test
    void departmentStaffHearTheirOwnDepartmentsCasesAndMovesButNotOtherDepartmentsWork() {
        Actor handler = staff(Role.HANDLER, ZFJ, false);
        assertThat(CaseListFeed.concerns(handler, null, change(ZFJ, CaseAction.SIGN), MOVES)).isTrue();
        assertThat(CaseListFeed.concerns(handler, null, change(ZJJ, CaseAction.SIGN), MOVES)).isFalse();
        assertThat(CaseListFeed.concerns(handler, null, change(ZJJ, CaseAction.REPLY), MOVES)).isFalse();
        // the event names only the new holder: a case leaving 执法局 for 住建局 must still refresh 执法局's list
        assertThat(CaseListFeed.concerns(handler, null, change(ZJJ, CaseAction.REASSIGN), MOVES)).isTrue();
        assertThat(CaseListFeed.concerns(handler, null, change(null, CaseAction.RETURN), MOVES)).isTrue();
        // a second-level (department) dispatcher is department staff
        assertThat(CaseListFeed.concerns(staff(Role.TRIAGE_OFFICER, ZFJ, false), null, change(ZJJ, CaseAction.SIGN), MOVES)).isFalse();
    }

    @Test
    void aUnitsStaffHearTheirParentDepartmentsCases() {
        Actor unitHandler = staff(Role.HANDLER, ZFJ_UNIT, false);
        assertThat(CaseListFeed.concerns(unitHandler, ZFJ, change(ZFJ, CaseAction.ASSIGN_UNIT), MOVES)).isTrue();
        assertThat(CaseListFeed.concerns(unitHandler, ZFJ, change(ZFJ, CaseAction.SIGN), MOVES)).isTrue();
        assertThat(CaseListFeed.concerns(unitHandler, ZFJ, change(ZJJ, CaseAction.SIGN), MOVES)).isFalse();
    }
}
