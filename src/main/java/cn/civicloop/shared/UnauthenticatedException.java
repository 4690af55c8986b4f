package cn.civicloop.shared;

import java.util.List;

/** Credentials are missing or wrong (HTTP 401). Says nothing about which part was wrong. */
public class UnauthenticatedException extends DomainException {
    public UnauthenticatedException(String message) {
        super(message, List.of());
    }

    public UnauthenticatedException(Phrase phrase) {
        super(phrase, List.of());
    }
}
