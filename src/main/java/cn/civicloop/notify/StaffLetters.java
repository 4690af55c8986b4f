package cn.civicloop.notify;

import cn.civicloop.directory.Role;

/**
 * Letters to staff inboxes (站内信) for events of other modules than cases, e.g. a hot topic's warning. A letter
 * carries a reference (a case number, a topic id) where the case notifications carry the case number.
 */
public interface StaffLetters {

    /**
     * Writes one letter to every holder of {@code role} (district-wide); a second call with the same
     * {@code sourceEvent} adds nothing for who already has it. Joins the caller's transaction.
     *
     * @return how many staff members were addressed
     */
    int toRole(Role role, String reference, String kind, String title, String body, String sourceEvent);

    /**
     * Writes one letter to every holder of {@code role} in department {@code departmentId} and its units, as
     * {@link #toRole} does district-wide: e.g. the video centre's staff for a footage request.
     *
     * @return how many staff members were addressed
     */
    int toDepartment(long departmentId, Role role, String reference, String kind, String title, String body,
            String sourceEvent);

    /**
     * Writes one letter to the active staff member {@code username} (none when there is no such account), e.g. the
     * requester of an answered footage request.
     *
     * @return 1 when addressed, else 0
     */
    int toStaff(String username, String reference, String kind, String title, String body, String sourceEvent);
}
