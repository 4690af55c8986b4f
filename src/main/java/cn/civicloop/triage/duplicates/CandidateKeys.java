package cn.civicloop.triage.duplicates;

import java.util.Arrays;

/**
 * Place keys that let a store of recent appeals name, for a new appeal, every appeal whose place
 * {@link DuplicateFinder} may judge compatible, and few others: an appeal is stored under {@link #of} and a new one
 * asks for the appeals stored under any of its {@link #toFind} keys. The guarantee is exact, not probabilistic:
 * whenever the finder's place comparison of a new appeal with a stored one says compatible, the new one's
 * {@code toFind} keys and the stored one's {@code of} keys share one (checked for
 * every combination of missing place information by {@code CandidateKeysTest}). The finder's text, time and
 * distance checks then decide as before, so the answers are those of comparing with the whole window.
 * <p>
 * The finder's place rules, and the key each needs:
 * <ul>
 * <li>both have coordinates: within the distance. Every appeal with coordinates is stored under its cell of a
 * fixed grid of {@value #CELL_DEGREES} degrees (about 280 m by 230 m here) and of a coarse grid of
 * {@value #COARSE_DEGREES} degrees; a new appeal asks for every cell that meets the box around its circle (the fine
 * grid up to {@value #MAX_FINE_CELLS} cells, the coarse one for larger distances).</li>
 * <li>not both coordinates, both a grid (网格): the same grid. Stored under its grid code, told apart by whether the
 * appeal has coordinates, so that a new appeal with coordinates asks only for the grid's appeals without.</li>
 * <li>neither of those, both a community (社区): the same community, stored likewise with what else it has.</li>
 * <li>no kind of place in common: compatible, with the stricter text threshold. Every appeal is stored under the set
 * of place kinds it has, and a new appeal asks for the sets that share none with its own.</li>
 * </ul>
 * No text key: the finder's text threshold (0.2) lies too close to the similarity of unrelated appeals for MinHash
 * bands to be both selective and without misses (ADR 0061). Keys are plain {@code long}s: a kind in the top four
 * bits, then the cell's indexes or 60 bits of a code's hash. A hash collision only adds a candidate.
 */
public final class CandidateKeys {

    /** The fine grid's cell, in degrees of latitude and of longitude. Stored keys depend on it: never change it. */
    public static final double CELL_DEGREES = 0.0025;
    /** The coarse grid's cell, for distances whose box would meet too many fine cells. */
    public static final double COARSE_DEGREES = 0.04;
    /** The most fine cells a search asks for before it asks for coarse ones instead. */
    public static final int MAX_FINE_CELLS = 144;

    private static final long CELL = 1;
    /** Grid key of an appeal without coordinates; {@code GRID + 1}: with coordinates. */
    private static final long GRID = 2;
    /** Community key; plus 2 when the appeal has coordinates, plus 1 when it has a grid. */
    private static final long COMMUNITY = 4;
    /** The set of place kinds an appeal has (bit 0 coordinates, bit 1 grid, bit 2 community). */
    private static final long KINDS = 8;
    private static final long COARSE_CELL = 9;

    private static final int HAS_COORDINATES = 1;
    private static final int HAS_GRID = 2;
    private static final int HAS_COMMUNITY = 4;

    /** Metres per degree of latitude, rounded down so that the box is never too small (mean radius 111,195). */
    private static final double METRES_PER_DEGREE = 111_000;

    private CandidateKeys() {
    }

    /** The keys an appeal is stored under (two to five). */
    public static long[] of(AppealText appeal) {
        long[] keys = new long[5];
        int n = 0;
        int kinds = kinds(appeal);
        if ((kinds & HAS_COORDINATES) != 0) {
            keys[n++] = cell(CELL, appeal.lat(), appeal.lon(), CELL_DEGREES);
            keys[n++] = cell(COARSE_CELL, appeal.lat(), appeal.lon(), COARSE_DEGREES);
        }
        if ((kinds & HAS_GRID) != 0) {
            keys[n++] = code(GRID + ((kinds & HAS_COORDINATES) != 0 ? 1 : 0), appeal.gridCode());
        }
        if ((kinds & HAS_COMMUNITY) != 0) {
            keys[n++] = code(COMMUNITY + ((kinds & HAS_COORDINATES) != 0 ? 2 : 0)
                    + ((kinds & HAS_GRID) != 0 ? 1 : 0), appeal.communityCode());
        }
        keys[n++] = tagged(KINDS, kinds);
        return Arrays.copyOf(keys, n);
    }

    /**
     * The keys under which every appeal that may be at the same place as {@code appeal} is stored, distinct: the
     * cells of the box around its circle of {@code maxDistanceMeters}, its grid and community (for those lacking
     * what it would be compared by first), and the place-kind sets that share nothing with its own.
     */
    public static long[] toFind(AppealText appeal, double maxDistanceMeters) {
        int kinds = kinds(appeal);
        long[] keys = (kinds & HAS_COORDINATES) != 0 ? cells(appeal.lat(), appeal.lon(), maxDistanceMeters)
                : new long[0];
        int n = keys.length;
        keys = Arrays.copyOf(keys, n + 2 + 4 + 8);
        boolean coordinates = (kinds & HAS_COORDINATES) != 0;
        boolean grid = (kinds & HAS_GRID) != 0;
        if (grid) {
            keys[n++] = code(GRID, appeal.gridCode());
            if (!coordinates) {
                keys[n++] = code(GRID + 1, appeal.gridCode());
            }
        }
        if ((kinds & HAS_COMMUNITY) != 0) {
            for (int theirs = 0; theirs < 4; theirs++) {
                boolean theirCoordinates = (theirs & 2) != 0;
                boolean theirGrid = (theirs & 1) != 0;
                if (!(coordinates && theirCoordinates) && !(grid && theirGrid)) {
                    keys[n++] = code(COMMUNITY + theirs, appeal.communityCode());
                }
            }
        }
        for (int theirs = 0; theirs < 8; theirs++) {
            if ((theirs & kinds) == 0) {
                keys[n++] = tagged(KINDS, theirs);
            }
        }
        return Arrays.copyOf(keys, n);
    }

    private static long[] cells(double lat, double lon, double maxDistanceMeters) {
        // The box around the circle, a little larger than needed: the finder measures the exact distance.
        double dLat = maxDistanceMeters / METRES_PER_DEGREE * 1.001;
        double farthest = Math.min(90, Math.abs(lat) + dLat);
        double dLon = Math.min(180, dLat / Math.max(0.01, Math.cos(Math.toRadians(farthest))));
        double size = CELL_DEGREES;
        long tag = CELL;
        long rows = index(lat + dLat, size) - index(lat - dLat, size) + 1;
        long columns = index(lon + dLon, size) - index(lon - dLon, size) + 1;
        if (rows * columns > MAX_FINE_CELLS) {
            size = COARSE_DEGREES;
            tag = COARSE_CELL;
        }
        long fromRow = index(lat - dLat, size);
        long toRow = index(lat + dLat, size);
        long fromColumn = index(lon - dLon, size);
        long toColumn = index(lon + dLon, size);
        long[] keys = new long[(int) ((toRow - fromRow + 1) * (toColumn - fromColumn + 1))];
        int n = 0;
        for (long row = fromRow; row <= toRow; row++) {
            for (long column = fromColumn; column <= toColumn; column++) {
                keys[n++] = packed(tag, row, column);
            }
        }
        return keys;
    }

    private static int kinds(AppealText appeal) {
        return (appeal.hasCoordinates() ? HAS_COORDINATES : 0) | (present(appeal.gridCode()) ? HAS_GRID : 0)
                | (present(appeal.communityCode()) ? HAS_COMMUNITY : 0);
    }

    /** As {@code Place} decides whether a code counts. */
    private static boolean present(String code) {
        return code != null && !code.isBlank();
    }

    private static long cell(long tag, double lat, double lon, double size) {
        return packed(tag, index(lat, size), index(lon, size));
    }

    private static long index(double degrees, double size) {
        return (long) Math.floor(degrees / size);
    }

    /** Row and column offset into 28 bits each, after the four bits of the kind. */
    private static long packed(long tag, long row, long column) {
        long mask = (1L << 28) - 1;
        return tagged(tag, (((row + (1L << 27)) & mask) << 28) | ((column + (1L << 27)) & mask));
    }

    /** 60 bits of the code's FNV-1a hash, the same in every JVM. */
    private static long code(long tag, String code) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < code.length(); i++) {
            h ^= code.charAt(i);
            h *= 0x100000001b3L;
        }
        return tagged(tag, h);
    }

    private static long tagged(long tag, long value) {
        return (tag << 60) | (value & ((1L << 60) - 1));
    }
}
