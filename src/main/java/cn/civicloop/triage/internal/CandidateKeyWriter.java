package cn.civicloop.triage.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.civicloop.cases.CaseOpened;
import cn.civicloop.cases.CaseQueries;
import cn.civicloop.triage.duplicates.CandidateKeys;

/**
 * Stores each new case under its place keys in the intake's own transaction (a plain, synchronous listener): the
 * keys exist exactly when the case does, on every instance, so a case is found by the duplicate search as soon as
 * its intake committed, whichever instance triages it and in whatever order (ADR 0061). Reads only the case's place;
 * no text is signed here.
 */
@Component
class CandidateKeyWriter {

    private final CaseQueries cases;
    private final CandidateStore store;

    CandidateKeyWriter(CaseQueries cases, CandidateStore store) {
        this.cases = cases;
        this.store = store;
    }

    @EventListener
    void on(CaseOpened opened) {
        cases.snapshot(opened.number()).ifPresent(s -> store.add(s.number(), s.createdAt(),
                CandidateKeys.of(DuplicateSearch.text(s))));
    }
}
