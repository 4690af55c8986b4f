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
}
