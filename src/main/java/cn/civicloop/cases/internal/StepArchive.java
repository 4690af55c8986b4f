package cn.civicloop.cases.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cn.civicloop.cases.CaseStatus;

/**
 * The archive of old steps (ADR 0065): packs the steps of the cases ended before a cut-off, each case in its own
 * transaction ({@link Timeline#pack}), so a run holds no lock long and a failure leaves every case whole, packed or
 * not.
 * <p>
 * The candidates are found from the timeline, not from the cases: a run walks the distinct case ids of
 * {@code cases_timeline} upwards along its key, a batch at a time, so the cases already packed (no rows there) cost
 * nothing however many years they fill. Case ids grow with the time of intake, so the walk ends at the first batch
 * whose cases were all created after the cut-off: no later case can have ended before it. A few cases out of that
 * order (written with another time, as a generated history's first ones) do not end it, a whole batch of them does.
 * What a run reads is thus the old cases still unpacked (open ones, those ended too recently) plus one batch, and at
 * most {@code archive-batches} batches.
 */
@Service
class StepArchive {

    private static final Logger log = LoggerFactory.getLogger(StepArchive.class);

    private final JdbcClient jdbc;
    private final Timeline timeline;
    private final TransactionTemplate tx;
    private final StepArchiveProperties settings;
    private final Clock clock;

    StepArchive(JdbcClient jdbc, Timeline timeline, TransactionTemplate tx, StepArchiveProperties settings,
            Clock clock) {
        this.jdbc = jdbc;
        this.timeline = timeline;
        this.tx = tx;
        this.settings = settings;
        this.clock = clock;
    }

    /** A run of the task: the cases ended longer than {@code civicloop.cases.archive-after} ago. */
    int archive() {
        Instant now = clock.instant();
        return archive(0, now.minus(settings.archiveAfter()), settings.archiveBatch(), settings.archiveBatches());
    }

    /**
     * Packs the steps of the cases ended before {@code cutoff}, walking the timeline's cases from the first id above
     * {@code from}, {@code batch} at a time, at most {@code maxBatches} batches; logs what it packed.
     *
     * @return how many cases were packed
     */
    int archive(long from, Instant cutoff, int batch, int maxBatches) {
        long t0 = System.nanoTime();
        long after = from;
        int packed = 0;
        int batches = 0;
        boolean young = false;
        while (batches < maxBatches && !young) {
            List<Long> ids = jdbc.sql("select distinct case_id from cases_timeline where case_id > ? order by case_id"
                    + " limit ?").params(after, batch).query(Long.class).list();
            if (ids.isEmpty()) {
                break;
            }
            batches++;
            young = true; // until a case of the batch was created before the cut-off
            for (Candidate c : candidates(ids)) {
                if (!c.created().isBefore(cutoff)) {
                    continue;
                }
                young = false;
                if (c.status().ended() && c.closed() != null && c.closed().isBefore(cutoff)
                        && Boolean.TRUE.equals(tx.execute(s -> timeline.pack(c.id(), cutoff, clock.instant())))) {
                    packed++;
                }
            }
            after = ids.get(ids.size() - 1);
        }
        if (packed > 0) {
            log.info("packed the steps of {} cases ended before {} in {} ms{}", packed, cutoff,
                    (System.nanoTime() - t0) / 1_000_000,
                    batches == maxBatches && !young ? " (stopped at the run's limit: the rest next run)" : "");
        }
        return packed;
    }

    private record Candidate(long id, CaseStatus status, Instant created, Instant closed) {
    }

    private List<Candidate> candidates(List<Long> ids) {
        return jdbc.sql("select id, status, created_at, closed_at from cases_case where id in (:ids) order by id")
                .param("ids", ids)
                .query((rs, n) -> new Candidate(rs.getLong("id"), CaseStatus.valueOf(rs.getString("status")),
                        Cases.instant(rs, "created_at"), Cases.instant(rs, "closed_at")))
                .list();
    }
}
