package cn.civicloop.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.civicloop.cases.CaseAction;
import cn.civicloop.directory.Actor;
import cn.civicloop.directory.Role;

/**
 * The role matrix on a case held by department 10, unit 11 (inside 10). Department 20 is another department.
 * Columns: who (role@department, "centre" = district-wide), action, allowed.
 */
class CaseAccessTests {

    private static final long DEPARTMENT = 10L;
    private static final long UNIT = 11L;

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource({
            "OPERATOR@centre, REGISTER, true", "OPERATOR@centre, APPROVE, true", "OPERATOR@centre, ASSIGN, false",
            "OPERATOR@centre, SIGN, false", "OPERATOR@centre, VOID, true", "OPERATOR@centre, REOPEN, true",
            "TRIAGE_OFFICER@centre, ASSIGN, true", "TRIAGE_OFFICER@centre, REASSIGN, true", "TRIAGE_OFFICER@centre, SIGN, false",
            "TRIAGE_OFFICER@centre, APPROVE, false", "TRIAGE_OFFICER@centre, PARK, true", "TRIAGE_OFFICER@centre, ASSIGN_UNIT, false",
            "TRIAGE_OFFICER@10, ASSIGN_UNIT, true", "TRIAGE_OFFICER@10, REASSIGN, false", "TRIAGE_OFFICER@10, VOID, false",
            "TRIAGE_OFFICER@20, ASSIGN_UNIT, false",
            "HANDLER@10, SIGN, true", "HANDLER@10, REPLY, true", "HANDLER@10, RETURN, true",
            "HANDLER@10, ASSIGN, false", "HANDLER@10, APPROVE, false", "HANDLER@10, ASSIGN_UNIT, false",
            "HANDLER@11, SIGN, true", "HANDLER@20, SIGN, false", "HANDLER@20, NOTE, false",
            "DEPT_HEAD@10, ASSIGN_UNIT, true", "DEPT_HEAD@10, REQUEST_EXTENSION, true", "DEPT_HEAD@20, REPLY, false",
            "LEADER@centre, NOTE, true", "LEADER@centre, ASSIGN, false", "LEADER@centre, SIGN, false",
            "ADMIN@centre, NOTE, false", "ADMIN@centre, REGISTER, false",
            "RESIDENT@none, FOLLOW_UP, true", "RESIDENT@none, REOPEN, true", "RESIDENT@none, NOTE, false",
            "RESIDENT@none, CLOSE, false", "SYSTEM@none, CLOSE, true"})
    void actionsFollowTheRoleMatrix(String who, CaseAction action, boolean allowed) {
        assertThat(CaseAccess.mayPerform(actor(who), action, DEPARTMENT, UNIT)).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0} reads → {1}")
    @CsvSource({"OPERATOR@centre, true", "TRIAGE_OFFICER@centre, true", "LEADER@centre, true", "HANDLER@10, true",
            "HANDLER@11, true", "DEPT_HEAD@10, true", "TRIAGE_OFFICER@10, true", "HANDLER@20, false",
            "DEPT_HEAD@20, false", "TRIAGE_OFFICER@20, false", "ADMIN@centre, false", "RESIDENT@none, false"})
    void readingFollowsDepartment(String who, boolean allowed) {
        assertThat(CaseAccess.canRead(actor(who), DEPARTMENT, UNIT)).isEqualTo(allowed);
    }

    /** The same case with department 30 named as a co-handler (协办): it acts on its share, not on the lead's. */
    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource({"HANDLER@30, CO_SIGN, true", "HANDLER@30, CO_REPLY, true", "DEPT_HEAD@30, CO_RETURN, true",
            "HANDLER@30, SIGN, false", "HANDLER@30, REPLY, false", "HANDLER@10, CO_SIGN, false",
            "HANDLER@20, CO_SIGN, false", "HANDLER@11, CO_REPLY, false"})
    void aCoHandlingDepartmentActsOnItsShareOnly(String who, CaseAction action, boolean allowed) {
        CaseHolders holders = new CaseHolders(DEPARTMENT, UNIT, Set.of(30L));
        assertThat(CaseAccess.mayPerform(actor(who), action, holders)).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0} reads a co-handled case → {1}")
    @CsvSource({"HANDLER@30, true", "HANDLER@10, true", "HANDLER@20, false"})
    void aCoHandlingDepartmentReadsTheCase(String who, boolean allowed) {
        assertThat(CaseAccess.canRead(actor(who), new CaseHolders(DEPARTMENT, UNIT, Set.of(30L)))).isEqualTo(allowed);
    }

    private static Actor actor(String who) {
        String[] p = who.split("@");
        Role role = Role.valueOf(p[0]);
        if (role == Role.RESIDENT) {
            return Actor.resident();
        }
        if (role == Role.SYSTEM) {
            return Actor.system();
        }
        boolean centre = p[1].equals("centre");
        Long department = centre ? null : Long.valueOf(p[1]);
        return new Actor(1L, "u", "u", Set.of(role), department, centre);
    }
}
