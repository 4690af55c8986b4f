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
        for (String f : List.of("unlabeled.csv", "hot_topics.csv", "replies.csv")) {
            CsvTable.read(Path.of("../shared/datasets/messages/" + f), List.of("title", "detail"), row -> {
                String t = row.get("title").strip(), d = row.get("detail").strip();
                if (!t.isEmpty() && !d.isEmpty()) rows.add(new String[] {t, d.length() > 1000 ? d.substring(0, 1000) : d});
            });
        }
        DuplicateFinder finder = new DuplicateFinder();
        List<Signature> sigs = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) sigs.add(finder.signature(new AppealText("" + i, rows.get(i)[0], rows.get(i)[1], null, null, null, null, Instant.EPOCH)));
        int n = sigs.size();
        long[][] b2 = new long[n][], b4 = new long[n][];
        for (int i = 0; i < n; i++) { b2[i] = sigs.get(i).bandKeys(2); b4[i] = sigs.get(i).bandKeys(4); }
        Random r = new Random(1);
        int q = 400;
        double[] js = new double[q * 200]; int k = 0;
        long pairs = 0, share2 = 0, share4 = 0, gate = 0, gate2 = 0, gate4 = 0, gateU = 0, gateU2 = 0, est11 = 0;
        for (int a = 0; a < q; a++) {
            int i = r.nextInt(n);
            Set<Long> s2 = new HashSet<>(); for (long x : b2[i]) s2.add(x);
            Set<Long> s4 = new HashSet<>(); for (long x : b4[i]) s4.add(x);
            for (int j = 0; j < n; j++) {
                if (j == i) continue;
                pairs++;
                boolean h2 = false, h4 = false;
                for (long x : b2[j]) if (s2.contains(x)) { h2 = true; break; }
                for (long x : b4[j]) if (s4.contains(x)) { h4 = true; break; }
                if (h2) share2++; if (h4) share4++;
                double est = sigs.get(i).estimatedSimilarity(sigs.get(j));
                if (est >= 0.08) est11++;
                double jac = Shingles.jaccard(sigs.get(i).shingles(), sigs.get(j).shingles());
                if (k < js.length && r.nextInt(20) == 0) js[k++] = jac;
                if (est >= 0.08 && jac >= 0.2) { gate++; if (h2) gate2++; if (h4) gate4++; }
                if (est >= 0.23 && jac >= 0.35) { gateU++; if (h2) gateU2++; }
            }
        }
        double[] jj = Arrays.copyOf(js, k); Arrays.sort(jj);
        System.out.printf("texts %d, pairs %d%n", n, pairs);
        System.out.printf("background J p50 %.3f p90 %.3f p99 %.3f p99.9 %.3f max %.3f%n", jj[k/2], jj[k*9/10], jj[k*99/100], jj[k*999/1000], jj[k-1]);
        System.out.printf("share a band r=2/b=64: %.4f; r=4/b=32: %.4f; minhash est>=0.08: %.4f%n", share2/(double)pairs, share4/(double)pairs, est11/(double)pairs);
        for (double j : new double[] {0.2, 0.25, 0.3, 0.35}) {
            System.out.printf("a pair at Jaccard %.2f shares no band (theory, 1 - (1 - J^r)^b): r=2 %.4f, r=4 %.4f%n", j,
                    Math.pow(1 - j * j, 64), Math.pow(1 - j * j * j * j, 32));
        }
        System.out.printf("text gate pairs (est>=.08,J>=.2): %d, r2 found %d, r4 found %d; unknown-place gate %d r2 found %d%n", gate, gate2, gate4, gateU, gateU2);
    }
}
