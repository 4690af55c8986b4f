package cn.civicloop.cases;

import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.civicloop.shared.Upload;

/**
 * The action catalogue as the API, the pages and other modules read it: one mapping from a request's fields to a
 * command, the fields each action takes, and the facts others need about actions.
 */
public interface CaseActions {

    /**
     * The command of the action {@code slug} names, from the values of a JSON body (typed) or a page form (text),
     * by field name; unknown fields are ignored.
     *
     * @throws cn.civicloop.shared.NotFoundException     if no action people take has that slug
     * @throws cn.civicloop.shared.InvalidInputException naming every required id, number or choice that is missing
     *                                                   or unreadable, or photos sent with an action that keeps none
     */
    CaseCommand command(String slug, Map<String, ?> values, List<Upload> photos);

    /** The fields {@code action} takes, in the order a page shows them; empty for actions nobody takes by hand. */
    List<ActionField> fields(CaseAction action);

    /**
     * Actions that move a case between holders (assignments, returns, co-handlers, voiding): a list of one holder's
     * cases changes for the holder the case leaves too, which the event does not name.
     */
    Set<CaseAction> movingBetweenHolders();
}
