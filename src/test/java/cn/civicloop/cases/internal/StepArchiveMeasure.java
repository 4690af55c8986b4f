package cn.civicloop.cases.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The archive of old steps as {@code ScaleBenchmark --archive-after=…} measures it (ADR 0065): the archive run over
 * the whole generated history at once, what the dictionary gains on the packed rows, and the read of a case's steps
 * packed and not. Public for the benchmark in another package; not a test.
 */
public final class StepArchiveMeasure {

    private StepArchiveMeasure() {
    }

    /** Packs every case ended before {@code cutoff}, in batches of 500 cases, as many runs as it takes. */
    public static int archive(ApplicationContext app, Instant cutoff) {
        return app.getBean(StepArchive.class).archive(0, cutoff, 500, Integer.MAX_VALUE);
    }

    /**
     * Bytes of the steps (and clocks) of up to {@code sample} packed cases: serialized, deflated without and with the
     * dictionary, the steps count; summed.
     */
    public static long[] dictionaryGain(JdbcClient jdbc, int sample) {
        long[] sums = new long[4];
        jdbc.sql("select steps from cases_timeline_packed order by case_id limit ?").param(sample)
                .query((rs, n) -> rs.getBytes(1)).list().forEach(stored -> {
                    PackedSteps.Content content = PackedSteps.read(stored, 0);
                    List<Timeline.Row> rows = content.steps();
                    sums[0] += PackedSteps.serialized(rows, content.clocks()).length;
                    sums[1] += PackedSteps.pack(rows, content.clocks(), false).length;
                    sums[2] += PackedSteps.pack(rows, content.clocks()).length;
                    sums[3] += rows.size();
                });
        return sums;
    }

    /** Median and 95th percentile in microseconds of {@code Timeline.of} over these cases, each read {@code rounds} times. */
    public static double[] readMicros(ApplicationContext app, List<Long> caseIds, int rounds) {
        Timeline timeline = app.getBean(Timeline.class);
        List<Double> micros = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            for (long id : caseIds) {
                long t0 = System.nanoTime();
                if (timeline.of(id).isEmpty()) {
                    throw new IllegalStateException("no steps read for case " + id);
                }
                micros.add((System.nanoTime() - t0) / 1e3);
            }
        }
        Collections.sort(micros);
        return new double[] {micros.get(micros.size() / 2), micros.get((int) (micros.size() * 0.95))};
    }
}
