package cn.civicloop.cases;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Cases as an outside system may list them (the Open311 server): no contact data, no address (both personal data,
 * sealed at rest) and no staff names. Every read is bounded: a window of creation times with a limit walks the
 * index on {@code created_at}; lists of numbers are short. Who may see what beyond this is the caller's to decide.
 */
public interface CaseFeed {

    /**
     * Cases created from {@code from} (included) to {@code to} (excluded), newest first, {@code offset} and {@code limit} counted in that order.
     *
     * @param categories the categories to include; empty for all
     * @param ended      {@code true} only ended cases, {@code false} only cases still in handling, {@code null} both
     * @param leftOut    channels whose cases are not listed
     */
    List<FeedCase> window(Instant from, Instant to, Collection<String> categories, Boolean ended,
            Collection<Channel> leftOut, int offset, int limit);

    /** These cases, in the order of {@code numbers}; unknown numbers are left out. */
    List<FeedCase> byNumbers(Collection<String> numbers);

    /** What the resident would read of the case's history on his tracking page: its public steps, oldest first. */
    List<FeedNote> publicNotes(String number);

    /** The public steps of all cases that happened from {@code from} (included) to {@code to} (excluded), oldest first, at most {@code limit}. */
    List<FeedNote> publicNotesBetween(Instant from, Instant to, int limit);

    /** The contact and address of a case in clear, for the one party that gave them; empty for an unknown number. */
    Optional<FeedContact> contact(String number);

    /**
     * A case as listed.
     *
     * @param departmentName the department handling it (a public body), {@code null} before it is assigned
     * @param duplicateOf    the number of the case it was merged into, or {@code null}
     */
    record FeedCase(String number, CaseStatus status, Channel channel, String externalRef, String category,
            String title, String content, Double lat, Double lon, String departmentName, Instant createdAt,
            Instant updatedAt, Instant closedAt, Instant dueAt, boolean anonymous, String duplicateOf) {
    }

    /**
     * A public step of a case's history: the remark only where the resident reads it too.
     *
     * @param remark the remark as stored
     * @param step   the remark's step and values when the system composed it (to be worded for the reader), else null
     */
    record FeedNote(long id, String number, Instant at, CaseAction action, String actionLabel, CaseStatus toStatus,
            String remark, StepRemark step) {
    }

    /** The resident's contact and the address as given. */
    record FeedContact(String name, String phone, String address) {
    }
}
