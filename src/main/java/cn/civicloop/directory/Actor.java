package cn.civicloop.directory;

import java.io.Serializable;
import java.util.Set;

/**
 * Whoever performs a command: a staff member, the anonymous resident or the system. Recorded on every change.
 *
 * @param staffId      {@code null} for the resident and the system
 * @param departmentId the staff member's department or unit, {@code null} for district-wide staff
 * @param districtWide true for staff of the district centre and leaders (一级), false for department staff (二级)
 *                     <p>Serializable because a page session (and so its logged-in staff member) is stored in the
 *                     database and read by every instance (Spring Session JDBC, ADR 0009).
 */
public record Actor(Long staffId, String username, String displayName, Set<Role> roles, Long departmentId,
        boolean districtWide) implements Serializable {

    public Actor {
        roles = Set.copyOf(roles);
    }

    public static Actor resident() {
        return new Actor(null, "resident", "群众", Set.of(Role.RESIDENT), null, false);
    }

    public static Actor system() {
        return new Actor(null, "system", "系统", Set.of(Role.SYSTEM), null, true);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isStaff() {
        return staffId != null;
    }
}
