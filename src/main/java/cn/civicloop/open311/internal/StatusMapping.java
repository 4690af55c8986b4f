package cn.civicloop.open311.internal;

import cn.civicloop.cases.CaseFeed.FeedCase;
import cn.civicloop.cases.CaseStatus;

/**
 * Our states in the GeoReport words. The spec knows {@code open} (reported) and {@code closed} (resolved): a case is
 * closed once it ended — closed, declined or voided, a duplicate merged into another included. The detailed status
 * is FixMyStreet's vocabulary, sent with {@code extensions=true} and on the request updates.
 */
final class StatusMapping {

    private StatusMapping() {
    }

    static String open311(CaseStatus status) {
        return status.ended() ? "closed" : "open";
    }

    static String detailed(FeedCase c) {
        return detailed(c.status(), c.duplicateOf() != null);
    }

    static String detailed(CaseStatus status, boolean merged) {
        return switch (status) {
            case SUBMITTED -> "OPEN";
            case REGISTERED -> "INVESTIGATING";
            case ASSIGNED, PARKED -> "ACTION_SCHEDULED";
            case RETURN_REQUESTED -> "INTERNAL_REFERRAL";
            case IN_PROGRESS, EXTENSION_REQUESTED, REPLIED, AWAITING_FOLLOW_UP -> "IN_PROGRESS";
            case CLOSED -> "FIXED";
            case DECLINED -> "NOT_COUNCILS_RESPONSIBILITY";
            case VOIDED -> merged ? "DUPLICATE" : "NO_FURTHER_ACTION";
        };
    }
}
