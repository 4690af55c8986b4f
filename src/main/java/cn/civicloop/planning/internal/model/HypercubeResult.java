package cn.civicloop.planning.internal.model;

import java.util.Arrays;

/**
 * What the hypercube model says about a deployment: how busy each unit is, how often every unit is busy, who
 * answers which atom's calls, and the travel and cross-block figures that follow.
 * <p>
 * Dispatch fractions f[n][j] are fractions of all <em>served</em> calls: with an unlimited queue every call is
 * served and a queued call goes to the unit that frees first (each unit equally likely when service rates are
 * equal); in the loss variant they are normalised by the calls that found a free unit, as in the book's §5.3.3.
 * Travel from a queued call is counted from the unit's idle position, as the model does — it knows no other.
 */
public final class HypercubeResult {

    private final Hypercube model;
    private final double[] workloads;
    private final double allBusy;
    private final double[][] fractions;
    private final String method;

    HypercubeResult(Hypercube model, double[] workloads, double allBusy, double[][] fractions, String method) {
        this.model = model;
        this.workloads = workloads.clone();
        this.allBusy = allBusy;
        this.fractions = Arrays.stream(fractions).map(double[]::clone).toArray(double[][]::new);
        this.method = method;
    }

    /** "exact" or "approximation". */
    public String method() {
        return method;
    }

    public Hypercube model() {
        return model;
    }

    /** ρ_n: long-run fraction of time unit n is busy. */
    public double workload(int n) {
        return workloads[n];
    }

    public double[] workloads() {
        return workloads.clone();
    }

    /** P'_Q: probability that every unit is busy (with an unlimited queue: including states with calls waiting). */
    public double allBusy() {
        return allBusy;
    }

    /** f_nj: fraction of served calls that come from atom j and are answered by unit n. */
    public double fraction(int n, int j) {
        return fractions[n][j];
    }

    /** Mean travel time over all served calls. */
    public double meanTravel() {
        double sum = 0;
        for (int n = 0; n < model.units(); n++) {
            for (int j = 0; j < model.atoms(); j++) {
                sum += fractions[n][j] * model.travel(n, j);
            }
        }
        return sum;
    }

    /** Mean travel time of the calls unit n answers. */
    public double meanTravelOfUnit(int n) {
        double weighted = 0;
        double weight = 0;
        for (int j = 0; j < model.atoms(); j++) {
            weighted += fractions[n][j] * model.travel(n, j);
            weight += fractions[n][j];
        }
        return weight == 0 ? 0 : weighted / weight;
    }

    /** Mean travel time to calls from atom j. */
    public double meanTravelToAtom(int j) {
        double weighted = 0;
        double weight = 0;
        for (int n = 0; n < model.units(); n++) {
            weighted += fractions[n][j] * model.travel(n, j);
            weight += fractions[n][j];
        }
        return weight == 0 ? 0 : weighted / weight;
    }

    /** Fraction of served calls answered by a unit from another district (Larson's interdistrict dispatches). */
    public double crossDistrictFraction() {
        double sum = 0;
        for (int n = 0; n < model.units(); n++) {
            for (int j = 0; j < model.atoms(); j++) {
                if (model.unitDistrict(n) != model.atomDistrict(j)) {
                    sum += fractions[n][j];
                }
            }
        }
        return sum;
    }

    /** Fraction of the calls <em>from</em> district d that are answered by a unit of another district. */
    public double crossDistrictFractionOf(int district) {
        double cross = 0;
        double all = 0;
        for (int n = 0; n < model.units(); n++) {
            for (int j = 0; j < model.atoms(); j++) {
                if (model.atomDistrict(j) == district) {
                    all += fractions[n][j];
                    if (model.unitDistrict(n) != district) {
                        cross += fractions[n][j];
                    }
                }
            }
        }
        return all == 0 ? 0 : cross / all;
    }

    /** Mean travel time to the calls from district d. */
    public double meanTravelToDistrict(int district) {
        double weighted = 0;
        double weight = 0;
        for (int n = 0; n < model.units(); n++) {
            for (int j = 0; j < model.atoms(); j++) {
                if (model.atomDistrict(j) == district) {
                    weighted += fractions[n][j] * model.travel(n, j);
                    weight += fractions[n][j];
                }
            }
        }
        return weight == 0 ? 0 : weighted / weight;
    }

    /** Mean workload of the units of district d. */
    public double meanWorkloadOfDistrict(int district) {
        double sum = 0;
        int count = 0;
        for (int n = 0; n < model.units(); n++) {
            if (model.unitDistrict(n) == district) {
                sum += workloads[n];
                count++;
            }
        }
        return count == 0 ? 0 : sum / count;
    }
}
