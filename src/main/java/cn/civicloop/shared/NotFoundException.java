package cn.civicloop.shared;

import java.util.List;

/** The thing asked for does not exist, or the caller may not know that it exists (HTTP 404). */
public class NotFoundException extends DomainException {
    public NotFoundException(String message) {
        super(message, List.of());
    }

    public NotFoundException(Phrase phrase) {
        super(phrase, List.of());
    }
}
