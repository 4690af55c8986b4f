package cn.civicloop.roads.internal.whistles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.civicloop.directory.Actor;
import cn.civicloop.directory.Department;
import cn.civicloop.directory.DepartmentKind;
import cn.civicloop.directory.Role;
import cn.civicloop.roads.internal.Chief;
import cn.civicloop.shared.ForbiddenException;
import cn.civicloop.shared.Phrase;

/**
 * Who blows, sees and acts on a whistle, on hand-made people: a whistle on segment 11 (squad 70, area 7) blown by
 * staff member 1, naming the transport bureau (20) only.
 */
class WhistleAccessTests {

    private static final long AREA = 7;
    private static final long SQUAD = 70;
    private static final long SEGMENT = 11;
    private static final long TRANSPORT = 20;
    private static final long LAW_ENFORCEMENT = 30;
    private static final long LAW_ENFORCEMENT_UNIT = 31;

    private static final WhistleFacts ON_SEGMENT = new WhistleFacts(1, AREA, SEGMENT, SQUAD, List.of(TRANSPORT),
            List.of(105L));
    private static final WhistleFacts AREA_WIDE = new WhistleFacts(1, AREA, null, null, List.of(TRANSPORT), List.of());

    @Test
    void firstAndSecondLevelChiefsAndStreetStaffBlow() {
        assertThat(WhistleAccess.mayBlow(chief(chief(101, 1, null, null)))).isTrue();
        assertThat(WhistleAccess.mayBlow(chief(chief(102, 2, SQUAD, AREA)))).isTrue();
        assertThat(WhistleAccess.mayBlow(chief(chief(105, 3, SQUAD, AREA)))).isFalse();
        Department street = new Department(50, "JD-ZX", "中心街道办事处", DepartmentKind.STREET, null, null, null, false, true);
        assertThat(WhistleAccess.mayBlow(new WhistleScope(staff(9, Role.HANDLER, 50L), null, street, List.of(50L), List.of())))
                .isTrue();
        assertThat(WhistleAccess.mayBlow(departmentStaff(Role.HANDLER, LAW_ENFORCEMENT, List.of(LAW_ENFORCEMENT))))
                .isFalse();
    }

    @Test
    void aDepartmentSeesOnlyTheWhistlesThatNameItAlsoFromAUnit() {
        WhistleScope transport = departmentStaff(Role.HANDLER, TRANSPORT, List.of(TRANSPORT));
        WhistleScope lawEnforcementUnit = departmentStaff(Role.HANDLER, LAW_ENFORCEMENT_UNIT,
                List.of(LAW_ENFORCEMENT_UNIT, LAW_ENFORCEMENT));
        assertThat(WhistleAccess.maySee(transport, ON_SEGMENT)).isTrue();
        assertThat(WhistleAccess.maySee(lawEnforcementUnit, ON_SEGMENT)).isFalse();
        WhistleFacts namingLaw = new WhistleFacts(1, AREA, SEGMENT, SQUAD, List.of(LAW_ENFORCEMENT), List.of());
        assertThat(WhistleAccess.maySee(lawEnforcementUnit, namingLaw)).isTrue();
        assertThat(WhistleAccess.respondingDepartment(lawEnforcementUnit, namingLaw.named())).contains(LAW_ENFORCEMENT);
        assertThatThrownBy(() -> WhistleAccess.requireSee(lawEnforcementUnit, ON_SEGMENT))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void theChiefsOfTheRoadSeeIt() {
        assertThat(WhistleAccess.maySee(chief(chief(102, 2, SQUAD, AREA)), ON_SEGMENT)).as("squad leader").isTrue();
        assertThat(WhistleAccess.maySee(chief(chief(103, 2, 71L, AREA)), ON_SEGMENT)).as("other squad").isFalse();
        assertThat(WhistleAccess.maySee(chief(chief(103, 2, 71L, AREA)), AREA_WIDE)).as("area-wide, own area").isTrue();
        assertThat(WhistleAccess.maySee(chief(chief(104, 2, 72L, 8L)), AREA_WIDE)).as("area-wide, other area").isFalse();
        assertThat(WhistleAccess.maySee(chief(chief(105, 3, SQUAD, AREA)), ON_SEGMENT)).as("its inspector").isTrue();
        assertThat(WhistleAccess.maySee(chief(chief(106, 3, SQUAD, AREA)), ON_SEGMENT)).as("another inspector").isFalse();
        WhistleScope areaChief = new WhistleScope(staff(101, Role.ROAD_CHIEF, null), chief(101, 1, null, null), null,
                List.of(), List.of(AREA));
        assertThat(WhistleAccess.maySee(areaChief, ON_SEGMENT)).as("first-level chief of the area").isTrue();
    }

    @Test
    void theBlowerAndLeadersSeeItAndOnlyTheBlowerResolves() {
        WhistleScope blower = new WhistleScope(staff(1, Role.ROAD_CHIEF, null), null, null, List.of(), List.of());
        assertThat(WhistleAccess.maySee(blower, ON_SEGMENT)).isTrue();
        WhistleScope leader = new WhistleScope(staff(2, Role.LEADER, null), null, null, List.of(), List.of());
        assertThat(WhistleAccess.seesAll(leader)).isTrue();
        assertThat(WhistleAccess.maySee(leader, ON_SEGMENT)).isTrue();
        assertThat(WhistleAccess.isBlower(blower.actor(), 1)).isTrue();
        assertThat(WhistleAccess.isBlower(Actor.system(), 1)).isFalse();
        assertThatThrownBy(() -> WhistleAccess.requireBlower(leader.actor(), 1,
                Phrase.of("problem.roads.only-blower-resolves", "只有吹哨人可以办结")))
                .isInstanceOf(ForbiddenException.class).hasMessage("只有吹哨人可以办结");
    }

    @Test
    void onlyStaffOfANamedDepartmentResponds() {
        WhistleScope transport = departmentStaff(Role.DEPT_HEAD, TRANSPORT, List.of(TRANSPORT));
        assertThat(WhistleAccess.requireResponder(transport, List.of(LAW_ENFORCEMENT, TRANSPORT))).isEqualTo(TRANSPORT);
        assertThatThrownBy(() -> WhistleAccess.requireResponder(transport, List.of(LAW_ENFORCEMENT)))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("未被吹哨");
        WhistleScope chief = chief(chief(102, 2, SQUAD, AREA));
        assertThatThrownBy(() -> WhistleAccess.requireResponder(chief, List.of(TRANSPORT)))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("只有被吹哨部门");
    }

    private static WhistleScope chief(Chief c) {
        return new WhistleScope(staff(c.id(), Role.ROAD_CHIEF, null), c, null, List.of(), List.of());
    }

    private static WhistleScope departmentStaff(Role role, long department, List<Long> answersFor) {
        return new WhistleScope(staff(200 + department, role, department), null, null, answersFor, List.of());
    }

    private static Chief chief(long id, int level, Long squad, Long area) {
        return new Chief(id, "C" + id, "路长" + id, level, squad, null, area, null, null, "c" + id);
    }

    private static Actor staff(long id, Role role, Long department) {
        return new Actor(id, "u" + id, "某人", Set.of(role), department, false);
    }
}
