package cn.civicloop.triage.duplicates;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import cn.civicloop.classifier.csv.CsvTable;

/**
 * Why the duplicate search has no MinHash band keys (ADR 0061), measured on real appeal texts (a command, not a
 * test; the shared data set is read at run time): for random pairs of appeals, how similar unrelated texts are,
 * what share of them would share a band key (and so be read by a search) with 64 bands of 2 rows or 32 of 4, and how
 * many of the pairs the finder's text checks accept would share none (and so never be compared).
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat cp.txt) cn.civicloop.triage.duplicates.BandKeysBenchmark
 * </pre>
 */
public final class BandKeysBenchmark {
    private BandKeysBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String[]> rows = new ArrayList<>();
        for (String file : List.of("unlabeled.csv", "hot_topics.csv", "replies.csv")) {
            CsvTable.read(Path.of("../shared/datasets/messages/" + file), List.of("title", "detail"), row -> {
                String title = row.get("title").strip();
                String detail = row.get("detail").strip();
                if (!title.isEmpty() && !detail.isEmpty()) {
                    rows.add(new String[] {title, detail.length() > 1000 ? detail.substring(0, 1000) : detail});
                }
            });
        }
        DuplicateFinder finder = new DuplicateFinder();
        List<Signature> signatures = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            signatures.add(finder.signature(new AppealText("" + i, rows.get(i)[0], rows.get(i)[1], null, null, null,
                    null, Instant.EPOCH)));
        }
        int n = signatures.size();
        long[][] twoRows = new long[n][];
        long[][] fourRows = new long[n][];
        for (int i = 0; i < n; i++) {
            twoRows[i] = signatures.get(i).bandKeys(2);
            fourRows[i] = signatures.get(i).bandKeys(4);
        }
        Random random = new Random(1);
        int queries = 400;
        double[] sampled = new double[queries * 200];
        int k = 0;
        long pairs = 0;
        long shareTwo = 0;
        long shareFour = 0;
        long accepted = 0;
        long acceptedTwo = 0;
        long acceptedFour = 0;
        long acceptedUnplaced = 0;
        long acceptedUnplacedTwo = 0;
        for (int q = 0; q < queries; q++) {
            int i = random.nextInt(n);
            Set<Long> bandsTwo = keys(twoRows[i]);
            Set<Long> bandsFour = keys(fourRows[i]);
            for (int j = 0; j < n; j++) {
                if (j == i) {
                    continue;
                }
                pairs++;
                boolean two = Arrays.stream(twoRows[j]).anyMatch(bandsTwo::contains);
                boolean four = Arrays.stream(fourRows[j]).anyMatch(bandsFour::contains);
                shareTwo += two ? 1 : 0;
                shareFour += four ? 1 : 0;
                double estimate = signatures.get(i).estimatedSimilarity(signatures.get(j));
                double jaccard = Shingles.jaccard(signatures.get(i).shingles(), signatures.get(j).shingles());
                if (k < sampled.length && random.nextInt(20) == 0) {
                    sampled[k++] = jaccard;
                }
                // the finder's text checks: estimate >= threshold - 0.12, then exact >= threshold
                if (estimate >= 0.08 && jaccard >= 0.2) {
                    accepted++;
                    acceptedTwo += two ? 1 : 0;
                    acceptedFour += four ? 1 : 0;
                }
                if (estimate >= 0.23 && jaccard >= 0.35) {
                    acceptedUnplaced++;
                    acceptedUnplacedTwo += two ? 1 : 0;
                }
            }
        }
        double[] similarity = Arrays.copyOf(sampled, k);
        Arrays.sort(similarity);
        System.out.printf("texts %d, pairs %d%n", n, pairs);
        System.out.printf("similarity of random pairs: p50 %.3f p90 %.3f p99 %.3f p99.9 %.3f max %.3f%n",
                similarity[k / 2], similarity[k * 9 / 10], similarity[k * 99 / 100], similarity[k * 999 / 1000],
                similarity[k - 1]);
        System.out.printf("pairs sharing a band: 64 bands of 2 rows %.4f; 32 bands of 4 rows %.4f%n",
                shareTwo / (double) pairs, shareFour / (double) pairs);
        for (double j : new double[] {0.2, 0.25, 0.3, 0.35}) {
            System.out.printf("a pair at similarity %.2f shares no band (1 - (1 - J^r)^b): 2 rows %.4f, 4 rows %.4f%n",
                    j, Math.pow(1 - j * j, 64), Math.pow(1 - j * j * j * j, 32));
        }
        System.out.printf("pairs the finder's text checks accept (0.2): %d, sharing a band of 2 rows %d, of 4 rows %d; "
                + "at 0.35 (no place in common): %d, sharing a band of 2 rows %d%n", accepted, acceptedTwo,
                acceptedFour, acceptedUnplaced, acceptedUnplacedTwo);
    }

    private static Set<Long> keys(long[] bands) {
        Set<Long> set = new HashSet<>();
        for (long band : bands) {
            set.add(band);
        }
        return set;
    }
}
