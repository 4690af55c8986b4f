package cn.civicloop.planning.internal.model;

/**
 * Solves the hypercube's 2^N balance equations (book §5.4.3) by Gauss–Seidel sweeps over the states.
 * <p>
 * State B is a bit set, bit n = unit n busy. With an unlimited queue the all-busy corner stands for the whole M/M/N
 * tail: from there a completion leads back into the cube only when nobody waits, which happens with probability
 * 1 − λ/Σμ given all are busy, so the tail is folded into that one state exactly (no truncation).
 * Practical up to about N = 16 (65,536 states); beyond that use {@link HypercubeApproximation}. A solve checks its
 * thread's interrupt flag before every sweep, so a caller can stop it.
 */
public final class HypercubeExact {

    /** 2^16 states: a few seconds of sweeps; above this the approximation is the tool. */
    public static final int MAX_UNITS = 16;

    private static final double TOLERANCE = 1e-15;
    private static final int MAX_SWEEPS = 200_000;

    private HypercubeExact() {
    }

    public static HypercubeResult solve(Hypercube model) {
        int units = model.units();
        if (units > MAX_UNITS) {
            throw new IllegalArgumentException("exact hypercube limited to " + MAX_UNITS + " units, got " + units
                    + "; use HypercubeApproximation");
        }
        int states = 1 << units;
        int full = states - 1;
        double lambda = model.totalRate();
        double sumMu = model.totalServiceRate();
        // Probability that nobody waits, given all units busy (geometric M/M/N tail with ratio λ/Σμ).
        double leaveFull = model.capacity() == QueueCapacity.INFINITE ? 1 - lambda / sumMu : 1;

        double[] up = upRates(model, states);
        double[] mu = new double[units];
        for (int n = 0; n < units; n++) {
            mu[n] = model.serviceRate(n);
        }
        double[] p = new double[states];
        java.util.Arrays.fill(p, 1.0 / states);
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new java.util.concurrent.CancellationException("exact hypercube stopped after " + sweep + " sweeps");
            }
            double change = 0;
            for (int b = 0; b < states; b++) {
                double out = 0;
                double in = 0;
                double downFactor = b == full ? leaveFull : 1;
                for (int n = 0; n < units; n++) {
                    int bit = 1 << n;
                    if ((b & bit) != 0) {
                        out += mu[n] * downFactor;
                        int from = b & ~bit;
                        in += p[from] * up[from * units + n];
                    } else {
                        out += up[b * units + n];
                        int from = b | bit;
                        in += p[from] * mu[n] * (from == full ? leaveFull : 1);
                    }
                }
                double next = in / out;
                change = Math.max(change, Math.abs(next - p[b]));
                p[b] = next;
            }
            double total = 0;
            for (double v : p) {
                total += v;
            }
            for (int b = 0; b < states; b++) {
                p[b] /= total;
            }
            if (change < TOLERANCE && sweep > 2) {
                return result(model, p);
            }
        }
        throw new IllegalStateException("hypercube balance equations did not converge in " + MAX_SWEEPS + " sweeps");
    }

    /** λ_n^up(B) for every state: the rate of calls whose first free preferred unit in B is n. */
    private static double[] upRates(Hypercube model, int states) {
        int units = model.units();
        double[] up = new double[states * units];
        for (int b = 0; b < states - 1; b++) {
            for (int j = 0; j < model.atoms(); j++) {
                up[b * units + firstFree(model, j, b)] += model.atomRate(j);
            }
        }
        return up;
    }

    private static int firstFree(Hypercube model, int atom, int state) {
        for (int k = 0; k < model.units(); k++) {
            int n = model.choice(atom, k);
            if ((state & (1 << n)) == 0) {
                return n;
            }
        }
        throw new IllegalStateException("no free unit in state " + state);
    }

    private static HypercubeResult result(Hypercube model, double[] p) {
        int units = model.units();
        int full = p.length - 1;
        double lambda = model.totalRate();
        double[] workloads = new double[units];
        for (int b = 0; b < p.length; b++) {
            for (int n = 0; n < units; n++) {
                if ((b & (1 << n)) != 0) {
                    workloads[n] += p[b];
                }
            }
        }
        double[][] fractions = new double[units][model.atoms()];
        for (int b = 0; b < full; b++) {
            for (int j = 0; j < model.atoms(); j++) {
                fractions[firstFree(model, j, b)][j] += model.atomRate(j) / lambda * p[b];
            }
        }
        double allBusy = p[full];
        if (model.capacity() == QueueCapacity.INFINITE) {
            // A queued call goes to whichever unit finishes first: unit n with probability μ_n / Σμ.
            for (int n = 0; n < units; n++) {
                double share = model.serviceRate(n) / model.totalServiceRate();
                for (int j = 0; j < model.atoms(); j++) {
                    fractions[n][j] += model.atomRate(j) / lambda * allBusy * share;
                }
            }
        } else {
            for (double[] row : fractions) {
                for (int j = 0; j < row.length; j++) {
                    row[j] /= 1 - allBusy;
                }
            }
        }
        return new HypercubeResult(model, workloads, allBusy, fractions, "exact");
    }
}
