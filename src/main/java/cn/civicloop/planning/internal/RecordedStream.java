package cn.civicloop.planning.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import cn.civicloop.dispatch.RecordedIncident;
import cn.civicloop.planning.Comparison;
import cn.civicloop.planning.internal.model.Call;
import cn.civicloop.planning.internal.model.Summary;

/**
 * Recorded incidents as a call stream for the models: only those a unit was sent to (the others are no work for a
 * unit: cancelled, diverted to a linked agency, still waiting); seconds from the first of them; the place on the
 * blocks' plane; the recorded priority; the time on scene from first arrival to clearing, or — where that was not
 * recorded or is implausible (outside 0 … 3 h) — the median of the others (20 min when there is none). Also what
 * the desk achieved for the same incidents.
 */
record RecordedStream(List<Call> calls, int excluded, int onSceneAssumed, Instant firstCall, Instant lastCall,
        Comparison.RecordedFigures recorded) {

    static final double MAX_ON_SCENE_SECONDS = 3 * 3600;
    static final double ASSUMED_ON_SCENE_SECONDS = 20 * 60;

    static RecordedStream of(List<RecordedIncident> incidents, BlockPlane plane) {
        List<RecordedIncident> served = incidents.stream().filter(i -> i.firstDispatchedAt() != null).toList();
        if (served.isEmpty()) {
            return new RecordedStream(List.of(), incidents.size(), 0, null, null,
                    new Comparison.RecordedFigures(0, spread(List.of()), spread(List.of()), null));
        }
        List<Double> known = new ArrayList<>();
        for (RecordedIncident i : served) {
            Double s = onSceneSeconds(i);
            if (s != null) {
                known.add(s);
            }
        }
        double median = known.isEmpty() ? ASSUMED_ON_SCENE_SECONDS
                : Summary.of(known.stream().mapToDouble(Double::doubleValue).toArray()).median();
        Instant first = served.get(0).receivedAt();
        List<Call> calls = new ArrayList<>();
        for (RecordedIncident i : served) {
            Double onScene = onSceneSeconds(i);
            calls.add(new Call(Duration.between(first, i.receivedAt()).toMillis() / 1000.0, plane.toPlane(i.lat(), i.lon()),
                    i.priority(), onScene == null ? median : onScene));
        }
        List<RecordedIncident> priority1 = served.stream().filter(i -> i.priority() == 1).toList();
        Comparison.RecordedFigures recorded = new Comparison.RecordedFigures(served.size(),
                spread(minutes(served, RecordedIncident::receivedAt)),
                spread(minutes(served, RecordedIncident::firstDispatchedAt)),
                spread(minutes(priority1, RecordedIncident::receivedAt)).median());
        return new RecordedStream(calls, incidents.size() - served.size(), served.size() - known.size(), first,
                served.get(served.size() - 1).receivedAt(), recorded);
    }

    private static Double onSceneSeconds(RecordedIncident i) {
        if (i.firstOnsceneAt() == null || i.clearedAt() == null) {
            return null;
        }
        double s = Duration.between(i.firstOnsceneAt(), i.clearedAt()).toMillis() / 1000.0;
        return s > 0 && s <= MAX_ON_SCENE_SECONDS ? s : null;
    }

    /** Minutes from a stamp to the first unit on scene, for the incidents that have both. */
    private static List<Double> minutes(List<RecordedIncident> incidents, Function<RecordedIncident, Instant> from) {
        List<Double> out = new ArrayList<>();
        for (RecordedIncident i : incidents) {
            if (from.apply(i) != null && i.firstOnsceneAt() != null) {
                out.add(Duration.between(from.apply(i), i.firstOnsceneAt()).toMillis() / 60_000.0);
            }
        }
        return out;
    }

    static Comparison.Spread spread(List<Double> minutes) {
        if (minutes.isEmpty()) {
            return new Comparison.Spread(null, null, null);
        }
        Summary s = Summary.of(minutes.stream().mapToDouble(Double::doubleValue).toArray());
        return new Comparison.Spread(s.median(), s.mean(), s.p90());
    }
}
