package cn.civicloop.triage.internal;

import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.civicloop.cases.AppealSnapshot;
import cn.civicloop.cases.CaseQueries;
import cn.civicloop.triage.duplicates.AppealText;
import cn.civicloop.triage.duplicates.DuplicateFinder;

/**
 * Looks among the cases opened in the last days and not yet ended for ones that may report the same event
 * (same words, same place, close in time), whatever channel they came through. Only suggests: a dispatcher merges.
 */
@Component
class DuplicateSearch {

    private static final int MAX_RECENT = 10_000;

    private final CaseQueries cases;
    private final DuplicateFinder finder;
    private final Duration window;
    private final double maxDistanceMeters;

    DuplicateSearch(CaseQueries cases,
            @Value("${civicloop.triage.duplicates.similarity:0.2}") double similarity,
            @Value("${civicloop.triage.duplicates.max-distance-meters:500}") double maxDistanceMeters,
            @Value("${civicloop.triage.duplicates.window:PT72H}") Duration window) {
        this.cases = cases;
        this.finder = new DuplicateFinder(similarity, maxDistanceMeters, window);
        this.window = window;
        this.maxDistanceMeters = maxDistanceMeters;
    }

    List<TriageRecords.Duplicate> findFor(AppealSnapshot appeal) {
        // Only place-compatible cases leave the database: loading the whole window per new case cost more than
        // the intake itself under load (issue #8).
        List<AppealText> recent = cases.openSinceNear(appeal.createdAt().minus(window), appeal, maxDistanceMeters,
                        MAX_RECENT).stream()
                .filter(s -> !s.number().equals(appeal.number())).map(DuplicateSearch::text).toList();
        return finder.candidates(text(appeal), recent).stream().limit(5)
                .map(m -> new TriageRecords.Duplicate(m.id(), m.textSimilarity(), m.distanceMeters(), m.reason()))
                .toList();
    }

    private static AppealText text(AppealSnapshot s) {
        return new AppealText(s.number(), s.title(), s.content(), s.lat(), s.lon(), s.gridCode(), s.communityCode(),
                s.createdAt());
    }
}
