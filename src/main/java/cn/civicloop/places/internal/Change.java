package cn.civicloop.places.internal;

import java.time.Instant;

/**
 * One change of the gazetteer: {@code CREATED}, {@code CHANGED} or {@code SEEDED}, with the row before and after as
 * CSV lines (null where there was none) and why (null when an import gave no reason).
 */
record Change(String code, String action, String before, String after, String reason) {

    /** A change as stored: when and by whom. */
    record Recorded(long id, Change change, Instant at, String by) {
    }
}
