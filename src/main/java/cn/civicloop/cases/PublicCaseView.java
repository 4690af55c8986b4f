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

    /**
     * A public timeline line. Who acted is a {@link Party}, never a person's name: a page shows the party's label
     * in its language, or the department's name (data) when a department acted.
     *
     * @param by           who acted as the resident is told: the party's label or the department's name (in
     *                     Chinese as the cases module builds it; a page or an answer gives it in the reader's language)
     * @param party        who acted
     * @param byDepartment the acting department's name when {@code party} is {@link Party#DEPARTMENT} and it is known
     * @param remark       the remark the resident reads, as stored; a page or an answer words a step's for its reader
     * @param step         the remark's step and values when the system composed it ({@link StepRemark}), else null
     */
    public record PublicEntry(Instant at, CaseAction action, String actionLabel, CaseStatus status,
            String statusLabel, String by, Party party, String byDepartment, String remark, StepRemark step) {
    }

    /** Who acted on a case, as its resident is told (label key {@code track.by.<NAME>}). */
    public enum Party {
        RESIDENT("群众"),
        SYSTEM("系统"),
        CENTRE("区社会治理服务中心"),
        DEPARTMENT("承办单位");

        private final String label;

        Party(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
