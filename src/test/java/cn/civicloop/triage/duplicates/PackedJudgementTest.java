package cn.civicloop.triage.duplicates;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;

import cn.civicloop.geo.GeoPoint;

/**
 * The finder judges from the fields packed into each signature and rejects on the MinHash signature's low bits first;
 * its matches must be exactly those of the judgement as it was made from the appeal's own fields and the whole
 * 64-bit signature (written out below as the reference), over a varied window: paraphrases, copies and different
 * problems, coordinates near the distance limit, grid or community only, blank codes, no place, no time, times at the
 * window's edge to the nanosecond.
 */
class PackedJudgementTest {

    private static final String[] ROADS = {"广济路", "解放路", "延安路", "中山北路", "凤起路", "体育场路", "庆春路"};
    private static final String[] PROBLEMS = {"路灯不亮好几天了", "井盖缺失行人容易踩空", "垃圾桶满了没人清运", "夜间施工噪音扰民",
        "共享单车乱停堵住盲道", "下水道堵塞污水外溢", "树枝折断挡住人行道", "红绿灯故障车辆拥堵"};
    private static final String[] ASIDES = {"", "，晚上出行不安全", "，已经三天了", "，老人小孩经过很危险", "，多次反映没有结果"};
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final Duration WINDOW = Duration.ofHours(72);
    private static final double MAX_METRES = 500;
    /** The reference's whole signatures of the window (texts are never edited here), made once. */
    private static final java.util.Map<String, long[]> MINHASHES = new java.util.HashMap<>();

    @Test
    void theMatchesAreThoseOfTheWholeSignatureAndTheAppealsOwnFields() {
        Random random = new Random(20261208);
        List<AppealText> window = new ArrayList<>();
        for (int i = 0; i < 700; i++) {
            window.add(appeal("W-" + i, random));
        }
        DuplicateFinder finder = new DuplicateFinder(DuplicateFinder.DEFAULT_SIMILARITY, MAX_METRES, WINDOW);
        List<Signature> signed = window.stream().map(finder::signature).toList();
        int matches = 0;
        int probesWithMatches = 0;
        for (int p = 0; p < 250; p++) {
            AppealText probe = p % 5 == 0 ? window.get(random.nextInt(window.size())) : appeal("P-" + p, random);

            List<DuplicateMatch> found = finder.candidates(finder.signature(probe), signed);

            assertThat(found).as("probe %s", probe).isEqualTo(reference(probe, window));
            matches += found.size();
            probesWithMatches += found.isEmpty() ? 0 : 1;
        }
        // the window must hold both: matches to agree on, and probes whose candidates are all rejected
        assertThat(matches).isGreaterThan(200);
        assertThat(probesWithMatches).isBetween(50, 240);
    }

    /** The judgement as it was made before the fields were packed: the appeal's fields, the whole signature. */
    private static List<DuplicateMatch> reference(AppealText appeal, List<AppealText> window) {
        long[] shingles = Shingles.of(appeal.title(), appeal.content());
        long[] minHash = MinHash.of(shingles);
        List<DuplicateMatch> found = new ArrayList<>();
        for (AppealText other : window) {
            if (appeal.id() != null && appeal.id().equals(other.id())
                    || appeal.reportedAt() == null || other.reportedAt() == null) {
                continue;
            }
            Duration apart = Duration.between(appeal.reportedAt(), other.reportedAt()).abs();
            if (apart.compareTo(WINDOW) > 0) {
                continue;
            }
            Double distance = null;
            boolean compatible;
            boolean known = true;
            String description;
            if (appeal.lat() != null && appeal.lon() != null && other.lat() != null && other.lon() != null) {
                distance = new GeoPoint(appeal.lat(), appeal.lon()).metresTo(new GeoPoint(other.lat(), other.lon()));
                compatible = distance <= MAX_METRES;
                description = Math.round(distance) + " m apart";
            } else if (present(appeal.gridCode()) && present(other.gridCode())) {
                compatible = appeal.gridCode().equals(other.gridCode());
                description = "same grid " + appeal.gridCode();
            } else if (present(appeal.communityCode()) && present(other.communityCode())) {
                compatible = appeal.communityCode().equals(other.communityCode());
                description = "same community " + appeal.communityCode();
            } else {
                compatible = true;
                known = false;
                description = "place not comparable";
            }
            if (!compatible) {
                continue;
            }
            double required = known ? DuplicateFinder.DEFAULT_SIMILARITY
                    : Math.min(1, DuplicateFinder.DEFAULT_SIMILARITY + DuplicateFinder.UNKNOWN_PLACE_PENALTY);
            long[] theirs = Shingles.of(other.title(), other.content());
            long[] theirMinHash = MINHASHES.computeIfAbsent(other.id(), id -> MinHash.of(theirs));
            if (MinHash.estimate(minHash, theirMinHash) < required - 0.12) {
                continue;
            }
            double jaccard = Shingles.jaccard(shingles, theirs);
            if (jaccard < required) {
                continue;
            }
            found.add(new DuplicateMatch(other.id(), jaccard, distance, String.format(Locale.ROOT,
                    "text %.2f (needs %.2f); %s; %d h apart", jaccard, required, description, apart.toHours())));
        }
        found.sort(Comparator.comparingDouble(DuplicateMatch::textSimilarity).reversed()
                .thenComparing(DuplicateMatch::distanceMeters, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(DuplicateMatch::id, Comparator.nullsLast(Comparator.naturalOrder())));
        return found;
    }

    private static AppealText appeal(String id, Random random) {
        String road = ROADS[random.nextInt(ROADS.length)];
        String problem = PROBLEMS[random.nextInt(PROBLEMS.length)];
        String aside = ASIDES[random.nextInt(ASIDES.length)];
        String title = road + problem.substring(0, 4);
        String content = switch (random.nextInt(4)) {
            case 0 -> "市民来电反映：" + road + "附近" + problem + aside + "，请尽快处理。";
            case 1 -> road + problem + aside;
            case 2 -> "网民反映" + road + "那边" + problem.substring(2) + aside + "，希望有关部门尽快解决";
            default -> random.nextInt(3) == 0 ? "" : problem + "。";
        };
        Double lat = null;
        Double lon = null;
        String grid = null;
        String community = "33010200" + random.nextInt(3);
        int place = random.nextInt(10);
        if (place < 6) {
            // about 1 km across, so that many pairs lie near the 500 m limit
            lat = 30.2741 + (random.nextDouble() - 0.5) * 0.009;
            lon = 120.1551 + (random.nextDouble() - 0.5) * 0.011;
        }
        if (place < 8) {
            grid = random.nextInt(8) == 0 ? " " : community + random.nextInt(3);
        }
        if (place == 9) {
            community = random.nextBoolean() ? null : "";
        }
        Instant at = switch (random.nextInt(12)) {
            case 0 -> null;
            case 1 -> NOW.minus(WINDOW); // exactly the window from the probes reported at NOW
            case 2 -> NOW.minus(WINDOW).minusNanos(1);
            case 3 -> NOW.minus(WINDOW).plusNanos(1);
            case 4 -> NOW;
            default -> NOW.minus(Duration.ofMinutes(random.nextInt(100 * 60)))
                    .plusNanos(random.nextInt(1_000_000_000));
        };
        return new AppealText(id, title, content, lat, lon, grid, community, at);
    }

    private static boolean present(String code) {
        return code != null && !code.isBlank();
    }
}
