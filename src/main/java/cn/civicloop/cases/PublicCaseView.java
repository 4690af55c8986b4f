package cn.civicloop.cases;

import java.time.Instant;
import java.util.List;

/**
 * What a resident sees of his own case with number + token: the public timeline only, staff names replaced
 * by their department, and his own contact data masked (the page may be seen over his shoulder or shared).
 * When his case was merged into another (合并重复件), {@code mergedInto} names the case it joined and the status,
 * department, reply, follow-up and timeline are that case's: he follows it with his own number and code.
 *
 * @param number     the resident's own case number
 * @param mergedInto the number of the case his case joined, {@code null} when it was not merged
 */
public record PublicCaseView(String number, String mergedInto, CaseStatus status, String statusLabel, Channel channel,
        String channelLabel, String title, String content, String address, String contactName,
        String contactPhone, String departmentName, Instant createdAt, Instant expectedCompletion,
        String reply, Boolean followUpResolved, Satisfaction satisfaction, boolean canAnswerFollowUp,
        boolean canReopen, List<PublicEntry> timeline, List<CaseView.AttachmentInfo> attachments) {

    /** A public timeline line. */
    public record PublicEntry(Instant at, String actionLabel, String statusLabel, String by, String remark) {
    }
}
