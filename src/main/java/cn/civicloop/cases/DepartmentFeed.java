package cn.civicloop.cases;

import java.time.Instant;
import java.util.List;

/**
 * The cases a department holds, in the order they last changed, for an outside system acting for that department
 * (a linked agency's system through the partner API). Keyset paging on {@code (updated_at, id)}: each page walks the
 * index {@code cases_case_department_updated} from the cursor and stops at the limit, whatever the department's
 * history. A case that changes again moves behind the cursor and is listed again on a later page — what a system
 * keeping itself in step wants. No contact data, no address.
 */
public interface DepartmentFeed {

    /**
     * @param status only cases in this state, or {@code null} for all
     * @param since  only cases changed at or after this moment, or {@code null}
     * @param after  the cursor of the last case of the previous page, or {@code null} for the first page
     */
    List<HeldCase> changed(long departmentId, CaseStatus status, Instant since, Cursor after, int limit);

    /** The position after which a page goes on. */
    record Cursor(Instant updatedAt, long id) {
    }

    /** A case as listed, with the cursor that continues after it. */
    record HeldCase(String number, CaseStatus status, String category, String title, Urgency urgency,
            Instant createdAt, Instant updatedAt, Instant dueAt, Cursor cursor) {
    }
}
