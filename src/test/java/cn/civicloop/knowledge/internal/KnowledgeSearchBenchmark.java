package cn.civicloop.knowledge.internal;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import cn.civicloop.classifier.SearchTerms;

/**
 * Knowledge search over 20,000 generated articles: sentences of the demo articles recombined with the district's place
 * names and numbers, a tenth of them expired. Queries are of three kinds: a few words (what an operator types into the
 * search box), a title as a resident says it, and a whole appeal of ~300 characters (the phone page's query). Prints
 * the time to build the index and p50/p95/max of a search (in memory; a search also reads one row, the revision).
 * <p>
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=cn.civicloop.knowledge.internal.KnowledgeSearchBenchmark}
 */
public final class KnowledgeSearchBenchmark {

    static final int ARTICLES = 20_000;
    static final int QUERIES = 3_000;
    static final String[] PLACES = {"中心街道", "垎塘街道", "矿区街道", "文化路街道", "龙山路街道", "光明路街道", "税郭镇",
            "孟庄镇", "齐村镇", "永安镇", "西王庄镇", "建设路", "光明大道", "青檀路", "君山路", "文化路", "振兴路", "华山路"};

    public static void main(String[] args) throws Exception {
        List<String> sentences = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        try (InputStream in = KnowledgeSearchBenchmark.class.getResourceAsStream("/" + DemoKnowledge.FILE)) {
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> articles = (List<Map<String, Object>>) root.get("articles");
            for (Map<String, Object> a : articles) {
                titles.add(a.get("title").toString());
                for (String s : ArticleHtml.text(a.get("body").toString()).split("[。\n]")) {
                    if (s.length() > 4) {
                        sentences.add(s + "。");
                    }
                }
            }
        }
        Random random = new Random(29);
        LocalDate today = LocalDate.of(2026, 12, 6);
        List<ArticleStore.Indexed> rows = new ArrayList<>();
        for (int id = 1; id <= ARTICLES; id++) {
            String place = PLACES[random.nextInt(PLACES.length)];
            String title = place + titles.get(random.nextInt(titles.size())) + "（" + (id % 97) + "）";
            StringBuilder body = new StringBuilder();
            int count = 3 + random.nextInt(6);
            for (int k = 0; k < count; k++) {
                body.append(sentences.get(random.nextInt(sentences.size())));
            }
            body.append("联系电话：0632-33").append(10000 + random.nextInt(89999)).append("。");
            LocalDate until = random.nextInt(10) == 0 ? today.minusDays(1 + random.nextInt(300)) : null;
            String html = "<p>" + body + "</p>";
            rows.add(new ArticleStore.Indexed(id, 1, title, "类", null, LocalDate.of(2025, 1, 1), until,
                    ArticleStatus.APPROVED, ArticleStore.terms(title, html), body.substring(0, 40), id));
        }
        long t0 = System.nanoTime();
        ArticleIndex index = new ArticleIndex();
        index.apply(rows);
        System.out.printf("articles: %d, index built in %.0f ms%n", index.size(), (System.nanoTime() - t0) / 1e6);

        List<List<String>> queries = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int q = 0; q < QUERIES; q++) {
            String text = switch (q % 3) {
                case 0 -> sentences.get(random.nextInt(sentences.size())).substring(0, 4);
                case 1 -> titles.get(random.nextInt(titles.size()));
                default -> {
                    StringBuilder appeal = new StringBuilder(PLACES[random.nextInt(PLACES.length)]);
                    while (appeal.length() < 300) {
                        appeal.append(sentences.get(random.nextInt(sentences.size())));
                    }
                    yield appeal.toString();
                }
            };
            queries.add(SearchTerms.ofQuery(text));
            texts.add(text);
        }
        for (List<String> q : queries) { // warm-up
            index.search(q, today, 5);
        }
        // wall time says what a caller waits on this machine as loaded as it is; the thread's CPU time says what one
        // search costs, which the machine's other load hardly changes. Both include the query's terms.
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int kind = 0; kind < 3; kind++) {
            long[] nanos = new long[QUERIES / 3];
            long[] cpu = new long[QUERIES / 3];
            int found = 0;
            for (int q = 0; q < QUERIES / 3; q++) {
                long c = threads.getCurrentThreadCpuTime();
                long s = System.nanoTime();
                found += index.search(SearchTerms.ofQuery(texts.get(q * 3 + kind)), today, 5).isEmpty() ? 0 : 1;
                nanos[q] = System.nanoTime() - s;
                cpu[q] = threads.getCurrentThreadCpuTime() - c;
            }
            Arrays.sort(nanos);
            Arrays.sort(cpu);
            System.out.printf("%-22s wall p50 %.2f ms, p95 %.2f ms, max %.2f ms; CPU p50 %.2f ms, p95 %.2f ms, "
                    + "max %.2f ms; found for %d of %d%n",
                    new String[] {"words (4 characters):", "a title:", "an appeal (300 chars):"}[kind],
                    nanos[nanos.length / 2] / 1e6, nanos[(int) (nanos.length * 0.95)] / 1e6,
                    nanos[nanos.length - 1] / 1e6, cpu[cpu.length / 2] / 1e6, cpu[(int) (cpu.length * 0.95)] / 1e6,
                    cpu[cpu.length - 1] / 1e6, found, nanos.length);
        }
        Runtime rt = Runtime.getRuntime();
        System.gc();
        System.out.printf("heap in use after the index: %d MB%n", (rt.totalMemory() - rt.freeMemory()) / (1 << 20));
    }
}
