package cn.civicloop.roads;

import java.time.Instant;

/**
 * Whether the chief holding a road issue answered (签收) within the limit of his holding round: sent once per round,
 * when he answers or when the limit passes unanswered (then the issue goes one level up, or is overdue at the top).
 *
 * @param round      the holding round (1 for the first chief, +1 at each passing up)
 * @param areaCode   the issue's road area, null when it lies in none
 * @param heldSince  when the round began
 * @param due        the end of the answer limit
 * @param answeredAt when he answered, null when the limit passed first
 */
public record ChiefAnswerSettled(long issueId, int round, long chiefId, int chiefLevel, String areaCode,
        Instant heldSince, Instant due, Instant answeredAt) {

    public boolean inTime() {
        return answeredAt != null && !answeredAt.isAfter(due);
    }
}
