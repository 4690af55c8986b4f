package cn.civicloop.cases;

import java.util.List;

import cn.civicloop.directory.Actor;

/** Reads of cases, filtered by what the reader may see. */
public interface CaseQueries {

    CaseView view(String number, Actor reader);

    List<TimelineEntry> timeline(String number, Actor reader);

    CasePage list(CaseFilter filter, Actor reader);

    /** The resident's view: number and token must match, else the case does not exist for him. */
    PublicCaseView publicView(String number, String token);

    Photo photo(String number, long attachmentId, Actor reader);

    Photo publicPhoto(String number, String token, long attachmentId);

    /** The case's text, place and time, for triage. */
    java.util.Optional<AppealSnapshot> snapshot(String number);

    /**
     * Numbers of the cases opened since {@code since} and before {@code before} that have not ended and whose place
     * may be the same as {@code near}'s: within {@code radiusMeters} when both have coordinates, else the same grid,
     * else the same community; cases lacking the place information to tell are included. Newest first, at most
     * {@code limit}. Only numbers leave the database: the duplicate search keeps the texts' signatures itself
     * (issue #8), and asks this only for the cases opened before its own place keys began (ADR 0061).
     */
    List<String> openNumbersSinceNear(java.time.Instant since, java.time.Instant before, AppealSnapshot near,
            double radiusMeters, int limit);

    /** Those of {@code numbers} whose cases have not ended (neither closed, declined nor voided, e.g. merged). */
    List<String> openAmong(java.util.Collection<String> numbers);

    /** The text, place and time of these cases, in no particular order; unknown numbers are left out. */
    List<AppealSnapshot> snapshots(java.util.Collection<String> numbers);

    /** The contact of the case's resident, for the notification module; empty when no phone was given. */
    java.util.Optional<ResidentContact> residentContact(String number);

    /**
     * How to reach every reporter of the case, the reporters of duplicates merged into it included, for the
     * notification module: one per phone, the first reporter first, each with the case number he was given.
     * Reporters without a phone are left out.
     */
    List<ResidentContact> residentContacts(String number);

    /** The number of the case that now handles {@code number}, when it was merged into another (合并重复件). */
    java.util.Optional<String> mergedInto(String number);

    /**
     * Search criteria; {@code null} means any.
     *
     * @param slice   the cases behind a number of the leaders' overview (the dashboard's drill-down), or null
     * @param ownPart the status is that of the reader's department's own part: the case where it holds the case, its
     *                co-handling task (协办) where it co-handles, so a queue 待签收 lists the tasks to sign for too
     * @param work    open work only, ended cases only, or both (when no status is given)
     * @param after   the {@link CasePage#next()} cursor of the previous page (keyset paging; {@code page} is then
     *                ignored), or null
     */
    record CaseFilter(CaseStatus status, Long departmentId, Channel channel, String streetCode, String text,
            int page, int size, CaseStatistics.Slice slice, boolean ownPart, Work work, String after) {

        public CaseFilter(CaseStatus status, Long departmentId, Channel channel, String streetCode, String text,
                int page, int size) {
            this(status, departmentId, channel, streetCode, text, page, size, null, false, Work.ANY, null);
        }

        public CaseFilter(CaseStatus status, Long departmentId, Channel channel, String streetCode, String text,
                int page, int size, CaseStatistics.Slice slice, boolean ownPart) {
            this(status, departmentId, channel, streetCode, text, page, size, slice, ownPart, Work.ANY, null);
        }
    }

    /** Which part of the history a list reads: the open work (the default of the workbench's queues), or not. */
    enum Work {
        ANY, OPEN, ENDED
    }

    /**
     * One page of a case list, newest first. Counting stops at {@link #COUNT_LIMIT}, for a search by words at
     * {@link #WORDS_COUNT_LIMIT}: {@code total} is then that limit and {@code more} is true (the page says more than
     * 1,000, or 200), as an exact count reads all matching history.
     *
     * @param next the cursor of the page after this one ({@link CaseFilter#after()}), null on the last page
     */
    record CasePage(List<CaseSummary> items, int page, int size, long total, boolean more, String next) {

        public static final int COUNT_LIMIT = 1000;
        /**
         * A search by words counts its first 200 hits: each candidate read by creation time is checked against the
         * words in its own text, so a frequent word's count of 1,000 read some 30,000 cases (about 250 ms at any
         * history size, docs/cases.md), five times the 200's.
         */
        public static final int WORDS_COUNT_LIMIT = 200;
    }

    /** A line of a case list. */
    record CaseSummary(String number, CaseStatus status, String statusLabel, Channel channel, String title,
            Long departmentId, String departmentName, Urgency urgency, java.time.Instant createdAt,
            java.time.Instant dueAt) {
    }

    /** A stored photo. */
    record Photo(String filename, String contentType, byte[] data) {
    }
}
