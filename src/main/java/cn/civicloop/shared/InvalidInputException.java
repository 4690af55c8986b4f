package cn.civicloop.shared;

import java.util.List;

/** The request is well-formed but a field breaks a business rule (HTTP 422), naming the field. */
public class InvalidInputException extends DomainException {

    public InvalidInputException(String field, String reason) {
        super(reason, List.of(new FieldProblem(field, reason)));
    }

    public InvalidInputException(String message, List<FieldProblem> problems) {
        super(message, problems);
    }

    public InvalidInputException(String field, Phrase reason) {
        super(reason, List.of(new FieldProblem(field, reason)));
    }

    public InvalidInputException(Phrase message, List<FieldProblem> problems) {
        super(message, problems);
    }
}
