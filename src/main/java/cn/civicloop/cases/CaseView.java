package cn.civicloop.cases;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A case as a staff member sees it. Contact data is masked for departments when the resident asked for
 * anonymity (保密); {@code allowedActions} lists what this viewer may do now. {@code urgencyHint} is the urgency
 * a resident asked for while triage has not yet confirmed or rejected it ({@code null} once settled).
 * {@code place} says how intake placed the case from its address words ({@code null}: by its point);
 * {@code mayFixPlace} whether this viewer may confirm or correct the place ({@link CasePlacing}).
 */
public record CaseView(String number, CaseStatus status, String statusLabel, Channel channel, String externalRef,
        AppealKind kind, Urgency urgency, String category, String title, String content, String address,
        Double lat, Double lon, String streetCode, String communityCode, String gridCode, String contactName,
        String contactPhone, boolean anonymous, Long departmentId, String departmentName, Long unitId,
        String unitName, Long handlerId, Instant dueAt, String replyText, Integer requestedExtensionDays,
        Boolean followUpResolved, Satisfaction satisfaction, String duplicateOf, int reworkCount, int reopenCount,
        int returnCount, int reporterCount, Instant createdAt, Instant updatedAt, Instant closedAt, int version,
        Set<CaseAction> allowedActions, List<AttachmentInfo> attachments, List<ClockView> clocks,
        List<CoTaskView> coHandlers, int openSupervisions, boolean arbitrated, List<ReporterView> reporters,
        Urgency urgencyHint, PlaceMatch place, boolean mayFixPlace) {

    /**
     * One reporter of the case (several once duplicates were merged into it) with his follow-up answer of this
     * round, if he gave one; contact data masked as the case's own.
     *
     * @param ownNumber the number he was given: the case's own for its first reporter, his duplicate's for the others
     */
    public record ReporterView(String ownNumber, Channel channel, String contactName, String contactPhone,
            Boolean resolved, Satisfaction satisfaction, java.time.Instant answeredAt) {
    }

    /**
     * A stage clock with its traffic light (GREEN &lt; 80 %, YELLOW 80–100 %, RED &gt; 100 % of the limit).
     *
     * @param state RUNNING, PAUSED or STOPPED
     */
    public record ClockView(ClockStage stage, String label, int round, java.time.Instant startedAt,
            java.time.Instant dueAt, double percent, String light, String state) {
    }

    /** A co-handling department's task (协办). */
    public record CoTaskView(long departmentId, String departmentName, String status, java.time.Instant dueAt,
            java.time.Instant repliedAt, String replyText, String note) {
    }

    /** A stored photo (the bytes are fetched separately). */
    public record AttachmentInfo(long id, String purpose, String filename, String contentType, int sizeBytes) {
    }
}
