package cn.civicloop.planning;

import cn.civicloop.shared.InvalidInputException;

/**
 * A run request that cannot be run (HTTP 422 on the API): names the field, carries a bilingual message for the API
 * and a message key with its arguments for the page, which shows it in the reader's language.
 */
public class PlanningRefusal extends InvalidInputException {

    private final String messageKey;
    private final transient Object[] arguments;

    public PlanningRefusal(String field, String messageKey, String message, Object... arguments) {
        super(field, message);
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    /** Key in {@code messages-planning*.properties}. */
    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
