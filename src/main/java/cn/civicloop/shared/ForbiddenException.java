package cn.civicloop.shared;

import java.util.List;

/** The caller is known but his role or department does not allow this (HTTP 403). */
public class ForbiddenException extends DomainException {
    public ForbiddenException(String message) {
        super(message, List.of());
    }

    public ForbiddenException(Phrase phrase) {
        super(phrase, List.of());
    }
}
