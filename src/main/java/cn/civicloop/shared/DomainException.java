package cn.civicloop.shared;

import java.util.List;

/**
 * A command was refused for a reason the caller can understand and fix. Each subtype maps to one HTTP status
 * in {@link cn.civicloop.shared.web.ApiProblems}; the message is shown to the user as-is, so it must be readable.
 */
public abstract class DomainException extends RuntimeException {

    private final List<FieldProblem> fieldProblems;

    protected DomainException(String message, List<FieldProblem> fieldProblems) {
        super(message);
        this.fieldProblems = List.copyOf(fieldProblems);
    }

    public List<FieldProblem> fieldProblems() {
        return fieldProblems;
    }

    /** One field of the request and what is wrong with it. */
    public record FieldProblem(String field, String reason) {
    }
}
