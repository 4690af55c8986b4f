package cn.civicloop.planning.internal.model;

/**
 * The M/M/N queue with N identical servers: what the hypercube reduces to when units are indistinguishable, and the
 * source of Larson's correction factors.
 */
final class MultiServerQueue {

    private MultiServerQueue() {
    }

    /** P_0 of M/M/N with an unlimited queue; offered load a = λ/μ must be below N. */
    static double emptyProbability(int servers, double offeredLoad) {
        double rho = offeredLoad / servers;
        double sum = 0;
        double term = 1;
        for (int k = 0; k < servers; k++) {
            sum += term;
            term *= offeredLoad / (k + 1);
        }
        // term is now a^N / N!
        return 1 / (sum + term / (1 - rho));
    }

    /** Erlang C: probability an arriving call finds all N servers busy (and must wait). */
    static double erlangC(int servers, double offeredLoad) {
        double rho = offeredLoad / servers;
        double term = 1;
        for (int k = 1; k <= servers; k++) {
            term *= offeredLoad / k;
        }
        return emptyProbability(servers, offeredLoad) * term / (1 - rho);
    }

    /**
     * Larson's correction factor Q(N, ρ, j) for an unlimited queue (Larson 1975; book §5.5.3): how much more likely
     * than under independence it is that the j units ahead on a preference list are all busy while the next is free.
     */
    static double correction(int servers, double rho, int j) {
        double offered = rho * servers;
        double p0 = emptyProbability(servers, offered);
        double nFactorial = 1;
        for (int k = 2; k <= servers; k++) {
            nFactorial *= k;
        }
        double sum = 0;
        for (int k = j; k <= servers - 1; k++) {
            double ratio = factorial(servers - j - 1) * (servers - k) / factorial(k - j);
            sum += ratio * Math.pow(servers, k) / nFactorial * p0 * Math.pow(rho, k - j);
        }
        return sum / (1 - rho);
    }

    private static double factorial(int n) {
        double f = 1;
        for (int k = 2; k <= n; k++) {
            f *= k;
        }
        return f;
    }
}
