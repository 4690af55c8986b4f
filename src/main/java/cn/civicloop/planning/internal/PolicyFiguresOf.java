package cn.civicloop.planning.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import cn.civicloop.planning.Comparison;
import cn.civicloop.planning.internal.model.SimulationReport;
import cn.civicloop.planning.internal.model.Summary;

/** The figures of one simulated policy, as the README's table and the page show them (minutes). */
final class PolicyFiguresOf {

    /** The chart's reach curve runs to at most this minute. */
    static final int MAX_REACH_MINUTES = 90;

    private PolicyFiguresOf() {
    }

    static Comparison.PolicyFigures of(SimulationReport r, int reachMinutes, Comparison.HypercubeFigures hypercube) {
        Summary priority1 = r.responseMinutes(1);
        return new Comparison.PolicyFigures(r.policy(), spread(r.responseMinutes()), spread(r.travelMinutes()),
                r.meanWorkload(), r.maxWorkload(), r.crossBlockFraction(), r.queuedCalls(),
                priority1.count() == 0 ? null : priority1.median(), priority1.count(), reach(r, reachMinutes), hypercube);
    }

    /** Up to the minute by which 99 % of the calls of every report have a unit on scene (at least 10, at most 90). */
    static int reachMinutes(SimulationReport... reports) {
        double most = 0;
        for (SimulationReport r : reports) {
            double[] sorted = sortedResponseMinutes(r);
            if (sorted.length > 0) {
                most = Math.max(most, Summary.quantile(sorted, 0.99));
            }
        }
        return (int) Math.min(MAX_REACH_MINUTES, Math.max(10, Math.ceil(most) + 1));
    }

    /** Share of calls with a unit on scene within 0, 1, … {@code minutes} minutes. */
    static List<Double> reach(SimulationReport r, int minutes) {
        double[] sorted = sortedResponseMinutes(r);
        List<Double> shares = new ArrayList<>();
        int i = 0;
        for (int m = 0; m <= minutes; m++) {
            while (i < sorted.length && sorted[i] <= m) {
                i++;
            }
            shares.add(sorted.length == 0 ? 0 : i / (double) sorted.length);
        }
        return shares;
    }

    static int callsOfBlock(SimulationReport r, int block) {
        return (int) r.responses().stream().filter(x -> x.callBlock() == block).count();
    }

    static Double medianOfBlock(SimulationReport r, int block) {
        List<Double> minutes = new ArrayList<>();
        for (int i = 0; i < r.responses().size(); i++) {
            if (r.responses().get(i).callBlock() == block) {
                minutes.add(r.responseSeconds(i) / 60);
            }
        }
        return minutes.isEmpty() ? null : Summary.of(minutes.stream().mapToDouble(Double::doubleValue).toArray()).median();
    }

    private static double[] sortedResponseMinutes(SimulationReport r) {
        double[] values = new double[r.responses().size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = r.responseSeconds(i) / 60;
        }
        Arrays.sort(values);
        return values;
    }

    private static Comparison.Spread spread(Summary s) {
        return s.count() == 0 ? new Comparison.Spread(null, null, null)
                : new Comparison.Spread(s.median(), s.mean(), s.p90());
    }
}
