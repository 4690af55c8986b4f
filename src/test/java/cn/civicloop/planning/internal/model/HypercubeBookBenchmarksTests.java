package cn.civicloop.planning.internal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The book figures of ../shared/research/anchors-dispatch.md §2.1 (Larson &amp; Odoni, Urban Operations Research,
 * §5.3.3, §5.4.3–5.4.4 and §5.5.3), to 3 decimals.
 */
class HypercubeBookBenchmarksTests {

    private static final org.assertj.core.data.Offset<Double> THREE_DECIMALS = within(0.0005);

    /**
     * Benchmark A: 3 units, μ = 1, λ = 1.5, unlimited queue. The ten atoms collapse into four preference classes;
     * each unit's primary response area is its district (unit 1: atoms 1, 2, 4; unit 2: 3, 5, 6; unit 3: 7–10).
     */
    static Hypercube benchmarkA() {
        double[] rates = {0.50, 0.25, 0.35, 0.40};
        int[][] preference = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {2, 0, 1}};
        return Hypercube.withPreferences(rates, new double[] {1, 1, 1}, new double[3][4], preference,
                new int[] {0, 0, 1, 2}, new int[] {0, 1, 2}, QueueCapacity.INFINITE);
    }

    @Test
    void benchmarkAWorkloadsAllBusyAndInterdistrictFraction() {
        HypercubeResult exact = HypercubeExact.solve(benchmarkA());

        assertThat(exact.workload(0)).isCloseTo(0.5574, THREE_DECIMALS);
        assertThat(exact.workload(1)).isCloseTo(0.4734, THREE_DECIMALS);
        assertThat(exact.workload(2)).isCloseTo(0.4693, THREE_DECIMALS);
        assertThat(exact.allBusy()).isCloseTo(0.23684, THREE_DECIMALS);
        assertThat(exact.crossDistrictFraction()).isCloseTo(0.43529, THREE_DECIMALS);
        // P'_Q is Erlang C(3, 1.5) whatever the preference lists; workloads add up to λ/μ.
        assertThat(exact.allBusy()).isCloseTo(MultiServerQueue.erlangC(3, 1.5), within(1e-12));
        assertThat(exact.workload(0) + exact.workload(1) + exact.workload(2)).isCloseTo(1.5, within(1e-12));
    }

    /** Benchmark C: Larson's correction factors for N = 3, ρ = ½ and the approximate workloads. */
    @Test
    void benchmarkCCorrectionFactorsAndApproximateWorkloads() {
        assertThat(MultiServerQueue.correction(3, 0.5, 0)).isCloseTo(1.0, within(1e-12));
        assertThat(MultiServerQueue.correction(3, 0.5, 1)).isCloseTo(0.73684, within(0.000005));
        assertThat(MultiServerQueue.correction(3, 0.5, 2)).isCloseTo(0.63158, within(0.000005));

        HypercubeResult approx = HypercubeApproximation.solve(benchmarkA());

        assertThat(approx.workload(0)).isCloseTo(0.5627, THREE_DECIMALS);
        assertThat(approx.workload(1)).isCloseTo(0.4716, THREE_DECIMALS);
        assertThat(approx.workload(2)).isCloseTo(0.4657, THREE_DECIMALS);
    }

    /**
     * Benchmark B: the 2 mi × 1 mi "rectangular city", two units at x = 0.75 and x = −0.25, half the demand on
     * [0.75, 1], half on [−1, 0.75], λ = 5/4, μ = 1, zero line capacity, east–west travel only. Unit 1 answers
     * x ≥ 0.75 − w first. Atoms are the three stretches between the demand break and the boundary.
     */
    static HypercubeResult rectangularCity(double w) {
        double boundary = 0.75 - w;
        double lambda = 1.25;
        double[][] stretches = {{0.75, 1}, {boundary, 0.75}, {-1, boundary}};
        double[] rates = {lambda * 0.5, lambda * 0.5 * (0.75 - boundary) / 1.75, lambda * 0.5 * (boundary + 1) / 1.75};
        double[] positions = {0.75, -0.25};
        double[][] travel = new double[2][3];
        for (int n = 0; n < 2; n++) {
            for (int j = 0; j < 3; j++) {
                travel[n][j] = meanDistance(positions[n], stretches[j][0], stretches[j][1]);
            }
        }
        int[][] preference = {{0, 1}, {0, 1}, {1, 0}};
        Hypercube model = Hypercube.withPreferences(rates, new double[] {1, 1}, travel, preference,
                new int[] {0, 0, 1}, new int[] {0, 1}, QueueCapacity.LOSS);
        return HypercubeExact.solve(model);
    }

    /** Mean |x − u| for x uniform on [a, b]. */
    static double meanDistance(double u, double a, double b) {
        if (u <= a) {
            return (a + b) / 2 - u;
        }
        if (u >= b) {
            return u - (a + b) / 2;
        }
        return ((u - a) * (u - a) + (b - u) * (b - u)) / (2 * (b - a));
    }

    @Test
    void benchmarkBClosestUnitBoundary() {
        HypercubeResult closest = rectangularCity(0.5);

        assertThat(closest.meanTravel()).isCloseTo(0.46246, THREE_DECIMALS);
        assertThat(closest.workload(0) - closest.workload(1)).isCloseTo(0.05236, THREE_DECIMALS);
        assertThat(closest.workload(0)).isCloseTo(0.4901, THREE_DECIMALS);
        assertThat(closest.workload(1)).isCloseTo(0.4377, THREE_DECIMALS);
    }

    @Test
    void benchmarkBOptimalBoundaryBeatsClosestUnit() {
        HypercubeResult optimal = rectangularCity(53.0 / 126);

        assertThat(optimal.meanTravel()).isCloseTo(0.46166, THREE_DECIMALS);
        assertThat(optimal.workload(0) - optimal.workload(1)).isCloseTo(0.04405, THREE_DECIMALS);
        assertThat(optimal.workload(0)).isCloseTo(0.4859, THREE_DECIMALS);
        assertThat(optimal.workload(1)).isCloseTo(0.4419, THREE_DECIMALS);
        // Carter, Chaiken & Ignall: the closest-unit line is not the travel-time optimum.
        assertThat(optimal.meanTravel()).isLessThan(rectangularCity(0.5).meanTravel());
    }
}
