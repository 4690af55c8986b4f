package cn.civicloop.planning.internal.model;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * One instance of Larson's hypercube queueing model (Larson 1974; Larson &amp; Odoni, Urban Operations Research,
 * ch. 5): atoms j are independent Poisson sources of calls at rate λ_j, N distinguishable units serve them with
 * exponential service at rate μ_n (travel plus time on scene), and a fixed preference list per atom says which
 * unit takes the call: the first free one on the list.
 * <p>
 * Districts only matter for reporting: a dispatch is cross-block (interdistrict) when the unit's district differs
 * from the atom's. Travel times τ[n][j] are means from unit n's idle position (a station, or the spread of a
 * patrol area) to atom j, in whatever unit the caller chooses (minutes, miles …).
 */
public final class Hypercube {

    private final double[] atomRates;
    private final double[] serviceRates;
    private final double[][] travel;
    private final int[][] preference;
    private final int[] atomDistrict;
    private final int[] unitDistrict;
    private final QueueCapacity capacity;

    private Hypercube(double[] atomRates, double[] serviceRates, double[][] travel, int[][] preference,
            int[] atomDistrict, int[] unitDistrict, QueueCapacity capacity) {
        int atoms = atomRates.length;
        int units = serviceRates.length;
        if (units < 1 || atoms < 1) {
            throw new IllegalArgumentException("need at least one atom and one unit");
        }
        if (units > 62) {
            throw new IllegalArgumentException("at most 62 units, got " + units);
        }
        require(travel.length == units, "travel needs one row per unit");
        require(preference.length == atoms, "one preference list per atom");
        require(atomDistrict.length == atoms && unitDistrict.length == units, "one district per atom and per unit");
        for (int n = 0; n < units; n++) {
            require(travel[n].length == atoms, "travel row " + n + " needs one entry per atom");
            require(serviceRates[n] > 0, "service rate of unit " + n + " must be positive");
        }
        for (int j = 0; j < atoms; j++) {
            require(atomRates[j] >= 0, "rate of atom " + j + " must not be negative");
            int[] list = preference[j];
            require(list.length == units, "preference list of atom " + j + " must rank every unit once");
            boolean[] seen = new boolean[units];
            for (int n : list) {
                require(n >= 0 && n < units && !seen[n], "preference list of atom " + j + " is not a permutation");
                seen[n] = true;
            }
        }
        double lambda = Arrays.stream(atomRates).sum();
        require(lambda > 0, "total call rate must be positive");
        if (capacity == QueueCapacity.INFINITE) {
            require(lambda < Arrays.stream(serviceRates).sum(),
                    "with an unlimited queue the call rate must stay below the fleet's service rate");
        }
        this.atomRates = atomRates.clone();
        this.serviceRates = serviceRates.clone();
        this.travel = deepCopy(travel);
        this.preference = Arrays.stream(preference).map(int[]::clone).toArray(int[][]::new);
        this.atomDistrict = atomDistrict.clone();
        this.unitDistrict = unitDistrict.clone();
        this.capacity = capacity;
    }

    /**
     * Fixed preference lists given by the caller (for example own block first, then the neighbours, as in the book's
     * examples).
     */
    public static Hypercube withPreferences(double[] atomRates, double[] serviceRates, double[][] travel,
            int[][] preference, int[] atomDistrict, int[] unitDistrict, QueueCapacity capacity) {
        return new Hypercube(atomRates, serviceRates, travel, preference, atomDistrict, unitDistrict, capacity);
    }

    /** Closest-unit dispatch: each atom ranks the units by mean travel time (ties: lower unit number first). */
    public static Hypercube closestUnit(double[] atomRates, double[] serviceRates, double[][] travel,
            int[] atomDistrict, int[] unitDistrict, QueueCapacity capacity) {
        int[][] preference = new int[atomRates.length][];
        for (int j = 0; j < atomRates.length; j++) {
            int atom = j;
            preference[j] = IntStream.range(0, serviceRates.length).boxed()
                    .sorted(Comparator.<Integer>comparingDouble(n -> travel[n][atom]).thenComparingInt(n -> n))
                    .mapToInt(Integer::intValue).toArray();
        }
        return new Hypercube(atomRates, serviceRates, travel, preference, atomDistrict, unitDistrict, capacity);
    }

    /**
     * Zone (beat) dispatch: the atom's own district's units first, ranked by travel time, then every other unit by
     * travel time — what a dispatcher does who keeps blocks closed until they are all busy.
     */
    public static Hypercube ownDistrictFirst(double[] atomRates, double[] serviceRates, double[][] travel,
            int[] atomDistrict, int[] unitDistrict, QueueCapacity capacity) {
        int[][] preference = new int[atomRates.length][];
        for (int j = 0; j < atomRates.length; j++) {
            int atom = j;
            preference[j] = IntStream.range(0, serviceRates.length).boxed()
                    .sorted(Comparator.<Integer>comparingInt(n -> unitDistrict[n] == atomDistrict[atom] ? 0 : 1)
                            .thenComparingDouble(n -> travel[n][atom]).thenComparingInt(n -> n))
                    .mapToInt(Integer::intValue).toArray();
        }
        return new Hypercube(atomRates, serviceRates, travel, preference, atomDistrict, unitDistrict, capacity);
    }

    public int units() {
        return serviceRates.length;
    }

    public int atoms() {
        return atomRates.length;
    }

    public double atomRate(int j) {
        return atomRates[j];
    }

    public double totalRate() {
        return Arrays.stream(atomRates).sum();
    }

    public double serviceRate(int n) {
        return serviceRates[n];
    }

    public double totalServiceRate() {
        return Arrays.stream(serviceRates).sum();
    }

    public double travel(int n, int j) {
        return travel[n][j];
    }

    /** The k-th choice (0-based) of atom j. */
    public int choice(int j, int k) {
        return preference[j][k];
    }

    public int atomDistrict(int j) {
        return atomDistrict[j];
    }

    public int unitDistrict(int n) {
        return unitDistrict[n];
    }

    public QueueCapacity capacity() {
        return capacity;
    }

    private static double[][] deepCopy(double[][] m) {
        return Arrays.stream(m).map(double[]::clone).toArray(double[][]::new);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
