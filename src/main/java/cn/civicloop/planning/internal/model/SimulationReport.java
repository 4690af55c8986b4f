package cn.civicloop.planning.internal.model;

import java.util.List;

import cn.civicloop.planning.DispatchPolicy;

/** What one simulated run measured: every call's response and every unit's busy time. */
public final class SimulationReport {

    /**
     * One call's answer. Times are seconds on the stream's clock.
     *
     * @param dispatchedAt when the unit got the order (after processing, and after waiting if it was queued)
     * @param travelSeconds driving time only
     * @param clearedAt    when the unit left the scene
     */
    public record Response(int call, int unit, int unitBlock, int callBlock, boolean queued, double dispatchedAt,
            double travelSeconds, double arrivedAt, double clearedAt) {

        public boolean crossBlock() {
            return unitBlock != callBlock;
        }
    }

    private final DispatchPolicy policy;
    private final List<Call> calls;
    private final List<Response> responses;
    private final double[] busySeconds;
    private final int[] unitBlock;
    private final double horizonSeconds;
    private final int blocks;

    SimulationReport(DispatchPolicy policy, List<Call> calls, List<Response> responses, double[] busySeconds,
            int[] unitBlock, double horizonSeconds, int blocks) {
        this.policy = policy;
        this.calls = List.copyOf(calls);
        this.responses = List.copyOf(responses);
        this.busySeconds = busySeconds.clone();
        this.unitBlock = unitBlock.clone();
        this.horizonSeconds = horizonSeconds;
        this.blocks = blocks;
    }

    public DispatchPolicy policy() {
        return policy;
    }

    /** Responses in the order of the calls sorted by time received. */
    public List<Response> responses() {
        return responses;
    }

    public double responseSeconds(int i) {
        return responses.get(i).arrivedAt() - calls.get(i).receivedAt();
    }

    /** Call received → first unit on scene, in minutes. */
    public Summary responseMinutes() {
        double[] values = new double[responses.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = responseSeconds(i) / 60;
        }
        return Summary.of(values);
    }

    /** Received → on scene in minutes, for the calls of one priority only (dispatch itself ignores priority). */
    public Summary responseMinutes(int priority) {
        double[] values = new double[responses.size()];
        int count = 0;
        for (int i = 0; i < values.length; i++) {
            if (calls.get(i).priority() == priority) {
                values[count++] = responseSeconds(i) / 60;
            }
        }
        return Summary.of(java.util.Arrays.copyOf(values, count));
    }

    /** Driving time only, in minutes. */
    public Summary travelMinutes() {
        return Summary.of(responses.stream().mapToDouble(r -> r.travelSeconds() / 60).toArray());
    }

    public double crossBlockFraction() {
        return responses.isEmpty() ? 0 : responses.stream().filter(Response::crossBlock).count() / (double) responses.size();
    }

    public long queuedCalls() {
        return responses.stream().filter(Response::queued).count();
    }

    /** Fraction of the run (first call received → last unit cleared) unit n spent between order and clearing. */
    public double workload(int unit) {
        return busySeconds[unit] / horizonSeconds;
    }

    public double meanWorkload() {
        double sum = 0;
        for (int n = 0; n < busySeconds.length; n++) {
            sum += workload(n);
        }
        return sum / busySeconds.length;
    }

    public double maxWorkload() {
        double max = 0;
        for (int n = 0; n < busySeconds.length; n++) {
            max = Math.max(max, workload(n));
        }
        return max;
    }

    public double meanWorkloadOfBlock(int block) {
        double sum = 0;
        int count = 0;
        for (int n = 0; n < busySeconds.length; n++) {
            if (unitBlock[n] == block) {
                sum += workload(n);
                count++;
            }
        }
        return count == 0 ? 0 : sum / count;
    }

    public int blocks() {
        return blocks;
    }

    public int units() {
        return busySeconds.length;
    }
}
