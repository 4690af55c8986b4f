package cn.civicloop.shared;

import java.util.List;

/** An upload is larger than the limit for its kind (HTTP 413). */
public class PayloadTooLargeException extends DomainException {
    public PayloadTooLargeException(String field, String reason) {
        super(reason, List.of(new FieldProblem(field, reason)));
    }

    public PayloadTooLargeException(String field, Phrase reason) {
        super(reason, List.of(new FieldProblem(field, reason)));
    }
}
