package cn.civicloop.dispatch.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Response-time figures as the 110 norm counts them (§1.3 of the research note): call → dispatch (processing),
 * dispatch → first arrival (travel incl. turnout), call → first arrival (what the caller waits), each as median and
 * 90th percentile (nearest-rank), grouped by block and by priority.
 */
public final class ResponseTimes {

    /** Figures of one group, in seconds; null when the group has no such interval yet. */
    public record Figures(String group, int incidents, Double toDispatchMedian, Double toDispatchP90,
            Double toArrivalMedian, Double toArrivalP90, Double totalMedian, Double totalP90) {
    }

    private ResponseTimes() {
    }

    public static List<Figures> by(List<IncidentRecord> incidents, Function<IncidentRecord, String> group) {
        Map<String, List<IncidentRecord>> groups = new TreeMap<>();
        for (IncidentRecord i : incidents) {
            if (i.firstDispatchedAt() != null) {
                groups.computeIfAbsent(String.valueOf(group.apply(i)), k -> new ArrayList<>()).add(i);
            }
        }
        List<Figures> out = new ArrayList<>();
        groups.forEach((g, list) -> {
            List<Double> dispatch = seconds(list, IncidentRecord::receivedAt, IncidentRecord::firstDispatchedAt);
            List<Double> arrival = seconds(list, IncidentRecord::firstDispatchedAt, IncidentRecord::firstOnsceneAt);
            List<Double> total = seconds(list, IncidentRecord::receivedAt, IncidentRecord::firstOnsceneAt);
            out.add(new Figures(g, list.size(), percentile(dispatch, 50), percentile(dispatch, 90),
                    percentile(arrival, 50), percentile(arrival, 90), percentile(total, 50), percentile(total, 90)));
        });
        return out;
    }

    private static List<Double> seconds(List<IncidentRecord> list, Function<IncidentRecord, Instant> from,
            Function<IncidentRecord, Instant> to) {
        List<Double> out = new ArrayList<>();
        for (IncidentRecord i : list) {
            if (from.apply(i) != null && to.apply(i) != null) {
                out.add(Duration.between(from.apply(i), to.apply(i)).toMillis() / 1000.0);
            }
        }
        Collections.sort(out);
        return out;
    }

    /** Nearest-rank percentile of sorted values. */
    static Double percentile(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
