package cn.civicloop.knowledge.internal;

/** Where an article stands: only an approved one is suggested, and only while it is valid. */
public enum ArticleStatus {
    /** Written or changed by an editor, waiting for the district centre's approval (待审核). */
    PENDING,
    /** Approved by the centre (已发布). */
    APPROVED,
    /** Taken out of use (已撤下); kept with its history. */
    WITHDRAWN
}
