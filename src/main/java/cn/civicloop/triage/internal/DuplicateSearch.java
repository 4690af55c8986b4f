package cn.civicloop.triage.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.civicloop.cases.AppealSnapshot;
import cn.civicloop.cases.CaseQueries;
import cn.civicloop.triage.duplicates.AppealText;
import cn.civicloop.triage.duplicates.CandidateKeys;
import cn.civicloop.triage.duplicates.DuplicateFinder;
import cn.civicloop.triage.duplicates.DuplicateMatch;
import cn.civicloop.triage.duplicates.Signature;

/**
 * Looks among the cases opened in the last days and not yet ended for ones that may report the same event
 * (same words, same place, close in time), whatever channel they came through. Only suggests: a dispatcher merges.
 * <p>
 * The candidates are the cases stored under the place keys the new case asks for ({@link CandidateKeys}, ADR 0061):
 * every case the finder could judge to be at the same place, read from a narrow table by its index, instead of every
 * open case of the window. Their signatures come from memory. An appeal's text and place never change after intake,
 * so a signature made once stays right, and only cases this instance has not signed yet (opened on another instance,
 * or before a restart) are read in full. The key table does not know which cases have ended: of the matches, only
 * those the cases module still calls open are suggested. Cases opened before the keys began are looked for as
 * before, by the cases module's place filter, until they are older than the window.
 */
@Component
class DuplicateSearch {

    /**
     * Cases named at most by the key table, newest first: reached only by a case with little or no place
     * information, with which every case of the window may be compatible (the search before the keys stopped at the
     * newest 10,000 open cases).
     */
    private static final int MAX_CANDIDATES = 20_000;
    /** Open cases named at most by the cases module, for the cases opened before the keys began. */
    private static final int MAX_RECENT = 10_000;

    private final CaseQueries cases;
    private final CandidateStore store;
    private final DuplicateFinder finder;
    private final Duration window;
    private final double maxDistanceMeters;
    private final Map<String, Signature> signed;

    DuplicateSearch(CaseQueries cases, CandidateStore store, TriageProperties properties) {
        TriageProperties.Duplicates settings = properties.duplicates();
        Duration window = settings.window();
        int signaturesKept = settings.signaturesKept();
        this.cases = cases;
        this.store = store;
        this.finder = new DuplicateFinder(settings.similarity(), settings.maxDistanceMeters(), window);
        this.window = window;
        this.maxDistanceMeters = settings.maxDistanceMeters();
        // In the order signed, not of access: every appeal reads thousands of entries, and an access-ordered map
        // relinks each one it reads (a few per cent of triage's CPU). The oldest signed go first; they are the first
        // to leave the window, and one still needed is signed again from the database, to the same signature.
        this.signed = new LinkedHashMap<>(signaturesKept * 4 / 3 + 1, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Signature> eldest) {
                return size() > signaturesKept;
            }
        };
    }

    /** What the finder and the keys know of a case. */
    static AppealText text(AppealSnapshot s) {
        return new AppealText(s.number(), s.title(), s.content(), s.lat(), s.lon(), s.gridCode(), s.communityCode(),
                s.createdAt());
    }

    List<TriageRecords.Duplicate> findFor(AppealSnapshot appeal) {
        Instant since = appeal.createdAt().minus(window);
        Set<String> numbers = new LinkedHashSet<>(store.numbers(CandidateKeys.toFind(text(appeal), maxDistanceMeters),
                since, MAX_CANDIDATES));
        Optional<Instant> keysBegan = store.storedSince();
        if (keysBegan.isPresent() && since.isBefore(keysBegan.get())) {
            numbers.addAll(cases.openNumbersSinceNear(since, keysBegan.get(), appeal, maxDistanceMeters, MAX_RECENT));
        }
        List<Signature> recent = new ArrayList<>(numbers.size());
        List<String> unsigned = new ArrayList<>();
        synchronized (signed) {
            for (String number : numbers) {
                Signature s = signed.get(number);
                if (s != null) {
                    recent.add(s);
                } else if (!number.equals(appeal.number())) {
                    unsigned.add(number);
                }
            }
        }
        for (AppealSnapshot other : cases.snapshots(unsigned)) {
            recent.add(sign(other));
        }
        // Signed already when an earlier appeal met it as an unsigned candidate (a backlog of untriaged cases).
        Signature self;
        synchronized (signed) {
            self = signed.get(appeal.number());
        }
        if (self == null) {
            self = sign(appeal);
        }
        List<DuplicateMatch> matches = finder.candidates(self, recent);
        if (matches.isEmpty()) {
            return List.of();
        }
        Set<String> open = new HashSet<>(cases.openAmong(matches.stream().map(DuplicateMatch::id).toList()));
        return matches.stream().filter(m -> open.contains(m.id())).limit(5)
                .map(m -> new TriageRecords.Duplicate(m.id(), m.textSimilarity(), m.distanceMeters(), m.reason()))
                .toList();
    }

    /** Signed outside the lock; two threads signing the same appeal at once is harmless (same result). */
    private Signature sign(AppealSnapshot s) {
        Signature signature = finder.signature(text(s));
        synchronized (signed) {
            signed.put(s.number(), signature);
        }
        return signature;
    }
}
