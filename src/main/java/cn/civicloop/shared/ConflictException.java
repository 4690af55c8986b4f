package cn.civicloop.shared;

import java.util.List;

/** The command does not fit the current state, e.g. an illegal transition or a concurrent change (HTTP 409). */
public class ConflictException extends DomainException {
    public ConflictException(String message) {
        super(message, List.of());
    }

    public ConflictException(Phrase phrase) {
        super(phrase, List.of());
    }
}
