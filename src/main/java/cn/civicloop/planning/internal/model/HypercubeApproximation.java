package cn.civicloop.planning.internal.model;

/**
 * Larson's approximate hypercube (Larson 1975, Operations Research 23(5); book §5.5), unlimited queue: N equations
 * in the workloads instead of 2^N in the state probabilities, good to about 1–2 % (book §5.5.4).
 * <p>
 * The chance that a call from atom j finds its first k−1 preferred units busy and the k-th free is taken as
 * Q(N, ρ, k−1) · ρ_{a1} ⋯ ρ_{a(k−1)} · (1 − ρ_{ak}), i.e. independence corrected by the M/M/N factor Q. Balancing
 * unit n's completions against its dispatches gives
 * ρ_n = (λ P'_Q / (N μ) + V_n) / (1 + V_n), V_n = Σ_{(j,k): n is k-th on j's list} (λ_j / μ) Q(N, ρ, k−1) Π_{l&lt;k} ρ_{al},
 * solved by fixed-point iteration, after each round rescaled so that Σ ρ_n = λ / μ (exact for M/M/N).
 * The model assumes equal service rates; unequal ones are replaced by their mean.
 */
public final class HypercubeApproximation {

    private static final double TOLERANCE = 1e-12;
    private static final int MAX_ROUNDS = 10_000;

    private HypercubeApproximation() {
    }

    public static HypercubeResult solve(Hypercube model) {
        if (model.capacity() != QueueCapacity.INFINITE) {
            throw new IllegalArgumentException("the approximation is implemented for the unlimited queue only");
        }
        int units = model.units();
        double lambda = model.totalRate();
        double mu = model.totalServiceRate() / units;
        double offered = lambda / mu;
        double rho = offered / units;
        double allBusy = MultiServerQueue.erlangC(units, offered);
        double[] q = new double[units];
        for (int k = 0; k < units; k++) {
            q[k] = MultiServerQueue.correction(units, rho, k);
        }

        double[] workloads = new double[units];
        java.util.Arrays.fill(workloads, rho);
        for (int round = 0; round < MAX_ROUNDS; round++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new java.util.concurrent.CancellationException("approximate hypercube stopped after " + round
                        + " rounds");
            }
            double[] v = new double[units];
            for (int j = 0; j < model.atoms(); j++) {
                double busyAhead = 1;
                for (int k = 0; k < units; k++) {
                    int n = model.choice(j, k);
                    v[n] += model.atomRate(j) / mu * q[k] * busyAhead;
                    busyAhead *= workloads[n];
                }
            }
            double[] next = new double[units];
            double sum = 0;
            for (int n = 0; n < units; n++) {
                next[n] = (lambda * allBusy / (units * mu) + v[n]) / (1 + v[n]);
                sum += next[n];
            }
            double change = 0;
            for (int n = 0; n < units; n++) {
                next[n] *= offered / sum;
                change = Math.max(change, Math.abs(next[n] - workloads[n]));
            }
            workloads = next;
            if (change < TOLERANCE) {
                return new HypercubeResult(model, workloads, allBusy, fractions(model, workloads, q, allBusy),
                        "approximation");
            }
        }
        throw new IllegalStateException("approximate hypercube did not converge in " + MAX_ROUNDS + " rounds");
    }

    /**
     * f_nj from the same product form; each atom's non-queued part is scaled to 1 − P'_Q (the products alone do not
     * sum to it exactly), and queued calls are spread evenly over the units.
     */
    private static double[][] fractions(Hypercube model, double[] workloads, double[] q, double allBusy) {
        int units = model.units();
        double lambda = model.totalRate();
        double[][] f = new double[units][model.atoms()];
        double[] share = new double[units];
        for (int j = 0; j < model.atoms(); j++) {
            double busyAhead = 1;
            double total = 0;
            for (int k = 0; k < units; k++) {
                int n = model.choice(j, k);
                share[n] = q[k] * busyAhead * (1 - workloads[n]);
                total += share[n];
                busyAhead *= workloads[n];
            }
            double weight = model.atomRate(j) / lambda;
            for (int n = 0; n < units; n++) {
                double served = total == 0 ? 0 : share[n] / total * (1 - allBusy);
                f[n][j] = weight * (served + allBusy / units);
            }
        }
        return f;
    }
}
