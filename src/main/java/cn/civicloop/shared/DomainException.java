package cn.civicloop.shared;

import java.util.List;

/**
 * A command was refused for a reason the caller can understand and fix. Each subtype maps to one HTTP status
 * in {@link cn.civicloop.shared.web.ApiProblems}. The reason is a {@link Phrase} (a message key, its arguments and
 * the Chinese default), answered in the language of the request; the exception's message is the Chinese default.
 */
public abstract class DomainException extends RuntimeException {

    private final Phrase phrase;
    private final List<FieldProblem> fieldProblems;

    /** A refusal whose message is not (yet) a phrase of the bundles: shown as written. */
    protected DomainException(String message, List<FieldProblem> fieldProblems) {
        super(message);
        this.phrase = null;
        this.fieldProblems = List.copyOf(fieldProblems);
    }

    protected DomainException(Phrase phrase, List<FieldProblem> fieldProblems) {
        super(phrase.text());
        this.phrase = phrase;
        this.fieldProblems = List.copyOf(fieldProblems);
    }

    /** The reason as a phrase of the bundles, {@code null} for a message written as plain text. */
    public Phrase phrase() {
        return phrase;
    }

    public List<FieldProblem> fieldProblems() {
        return fieldProblems;
    }

    /**
     * One field of the request and what is wrong with it.
     *
     * @param reason the Chinese default (or the text as written when {@code phrase} is {@code null})
     * @param phrase the reason as a phrase of the bundles, if it is one
     */
    public record FieldProblem(String field, String reason, Phrase phrase) {

        public FieldProblem(String field, String reason) {
            this(field, reason, null);
        }

        public FieldProblem(String field, Phrase phrase) {
            this(field, phrase.text(), phrase);
        }
    }
}
