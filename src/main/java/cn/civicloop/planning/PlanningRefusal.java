package cn.civicloop.planning;

import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.shared.Phrase;

/**
 * A run request that cannot be run (HTTP 422 on the API): names the field and says why with a phrase of
 * {@code messages-planning} ({@code problem.planning.*}), which the API and the page read in the reader's language.
 */
public class PlanningRefusal extends InvalidInputException {

    private static final String UNITS = "units.";

    public PlanningRefusal(String field, Phrase reason) {
        super(field, reason);
    }

    /**
     * A field of the request as a person reads it: the label of {@code planning.field.<name>} (the name after the last
     * dot, e.g. {@code assumptions.detourFactor}), or the block's code for a block's units ({@code units.<code>}).
     */
    public static Object fieldLabel(String field) {
        if (field.startsWith(UNITS)) {
            return field.substring(UNITS.length());
        }
        String name = field.substring(field.lastIndexOf('.') + 1);
        return Phrase.of("planning.field." + name, name);
    }
}
