package cn.civicloop.triage.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.civicloop.cases.AppealSnapshot;
import cn.civicloop.cases.CaseQueries;
import cn.civicloop.triage.duplicates.AppealText;
import cn.civicloop.triage.duplicates.DuplicateFinder;
import cn.civicloop.triage.duplicates.Signature;

/**
 * Looks among the cases opened in the last days and not yet ended for ones that may report the same event
 * (same words, same place, close in time), whatever channel they came through. Only suggests: a dispatcher merges.
 * <p>
 * The database names the candidates (open, in the window, place-compatible: numbers only); their signatures come
 * from memory. An appeal's text and place never change after intake, so a signature made once stays right, and
 * only cases this instance has not signed yet (opened on another instance, or before a restart) are read in full.
 * Under load, reading the whole window's texts for every new case cost more than the intake itself (issue #8).
 */
@Component
class DuplicateSearch {

    private static final int MAX_RECENT = 10_000;

    private final CaseQueries cases;
    private final DuplicateFinder finder;
    private final Duration window;
    private final double maxDistanceMeters;
    private final Map<String, Signature> signed;

    DuplicateSearch(CaseQueries cases, TriageProperties properties) {
        TriageProperties.Duplicates settings = properties.duplicates();
        Duration window = settings.window();
        int signaturesKept = settings.signaturesKept();
        this.cases = cases;
        this.finder = new DuplicateFinder(settings.similarity(), settings.maxDistanceMeters(), window);
        this.window = window;
        this.maxDistanceMeters = settings.maxDistanceMeters();
        this.signed = new LinkedHashMap<>(signaturesKept * 4 / 3 + 1, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Signature> eldest) {
                return size() > signaturesKept;
            }
        };
    }

    List<TriageRecords.Duplicate> findFor(AppealSnapshot appeal) {
        List<String> numbers = cases.openNumbersSinceNear(appeal.createdAt().minus(window), appeal,
                maxDistanceMeters, MAX_RECENT);
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
        return finder.candidates(self, recent).stream().limit(5)
                .map(m -> new TriageRecords.Duplicate(m.id(), m.textSimilarity(), m.distanceMeters(), m.reason()))
                .toList();
    }

    /** Signed outside the lock; two threads signing the same appeal at once is harmless (same result). */
    private Signature sign(AppealSnapshot s) {
        Signature signature = finder.signature(new AppealText(s.number(), s.title(), s.content(), s.lat(), s.lon(),
                s.gridCode(), s.communityCode(), s.createdAt()));
        synchronized (signed) {
            signed.put(s.number(), signature);
        }
        return signature;
    }
}
