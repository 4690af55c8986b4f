package cn.civicloop.triage.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where the place keys of the recent cases are kept ({@code triage_candidate_key}), shared by every instance: the
 * duplicate search reads only the cases stored under the keys a new case asks for (ADR 0061).
 */
interface CandidateStore {

    /** Stores the case under its keys. */
    void add(String number, Instant createdAt, long[] keys);

    /**
     * The numbers of the cases opened since {@code since} stored under any of {@code keys}, each once, newest first,
     * at most {@code limit} cases; ended cases too (the store does not know which have ended).
     */
    List<String> numbers(long[] keys, Instant since, int limit);

    /**
     * Since when every new case is stored: cases opened before were opened before the store existed, and must be
     * looked for as before. Empty: every case ever opened is stored.
     */
    Optional<Instant> storedSince();

    /** Forgets the cases opened before {@code before}; returns how many keys were removed. */
    int removeBefore(Instant before);
}
