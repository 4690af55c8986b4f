package cn.civicloop.planning.internal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

class HypercubeApproximationTests {

    /** A random closest-unit instance: units and atoms scattered over a 10 km square. */
    private static Hypercube randomInstance(int units, int atoms, double utilisation, long seed) {
        Random random = new Random(seed);
        double[][] unitAt = new double[units][];
        for (int n = 0; n < units; n++) {
            unitAt[n] = new double[] {random.nextDouble() * 10, random.nextDouble() * 10};
        }
        double[] rates = new double[atoms];
        double[][] travel = new double[units][atoms];
        int[] atomDistrict = new int[atoms];
        for (int j = 0; j < atoms; j++) {
            double x = random.nextDouble() * 10;
            double y = random.nextDouble() * 10;
            rates[j] = 0.2 + random.nextDouble();
            double best = Double.POSITIVE_INFINITY;
            for (int n = 0; n < units; n++) {
                travel[n][j] = Math.hypot(x - unitAt[n][0], y - unitAt[n][1]);
                if (travel[n][j] < best) {
                    best = travel[n][j];
                    atomDistrict[j] = n;
                }
            }
        }
        double total = java.util.Arrays.stream(rates).sum();
        for (int j = 0; j < atoms; j++) {
            rates[j] *= utilisation * units / total;
        }
        int[] unitDistrict = java.util.stream.IntStream.range(0, units).toArray();
        double[] mu = new double[units];
        java.util.Arrays.fill(mu, 1);
        return Hypercube.closestUnit(rates, mu, travel, atomDistrict, unitDistrict, QueueCapacity.INFINITE);
    }

    @Test
    void approximationAgreesWithTheExactModelOnARandomSmallInstance() {
        Hypercube model = randomInstance(7, 40, 0.5, 2026);

        HypercubeResult exact = HypercubeExact.solve(model);
        HypercubeResult approx = HypercubeApproximation.solve(model);

        for (int n = 0; n < model.units(); n++) {
            assertThat(approx.workload(n)).as("workload of unit %d", n).isCloseTo(exact.workload(n), within(0.02));
        }
        assertThat(approx.allBusy()).isCloseTo(exact.allBusy(), within(1e-9));
        assertThat(approx.meanTravel()).isCloseTo(exact.meanTravel(), within(0.03 * exact.meanTravel()));
        assertThat(approx.crossDistrictFraction()).isCloseTo(exact.crossDistrictFraction(), within(0.02));
    }

    @Test
    void exactFractionsAccountForEveryCallAndWorkloadsForTheOfferedLoad() {
        Hypercube model = randomInstance(6, 25, 0.6, 7);

        HypercubeResult exact = HypercubeExact.solve(model);

        double fractions = 0;
        for (int n = 0; n < model.units(); n++) {
            for (int j = 0; j < model.atoms(); j++) {
                fractions += exact.fraction(n, j);
            }
        }
        assertThat(fractions).isCloseTo(1, within(1e-9));
        assertThat(java.util.Arrays.stream(exact.workloads()).sum()).isCloseTo(0.6 * 6, within(1e-9));
        assertThat(exact.allBusy()).isCloseTo(MultiServerQueue.erlangC(6, 3.6), within(1e-9));
    }

    @Test
    void approximationHandlesThirtyTwoUnits() {
        Hypercube model = randomInstance(32, 200, 0.4, 5);

        HypercubeResult approx = HypercubeApproximation.solve(model);

        assertThat(java.util.Arrays.stream(approx.workloads()).sum()).isCloseTo(0.4 * 32, within(1e-6));
        assertThat(java.util.Arrays.stream(approx.workloads()).boxed()).allSatisfy(rho -> assertThat(rho).isBetween(0.0, 1.0));
    }

    @Test
    void exactModelRefusesFleetsBeyondItsLimit() {
        assertThatThrownBy(() -> HypercubeExact.solve(randomInstance(17, 20, 0.3, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HypercubeApproximation");
    }
}
