package cn.civicloop.classifier;

import cn.civicloop.classifier.csv.CsvWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the seed corpus (种子语料) of the first routing model, {@code src/main/resources/routing/seed-corpus.csv},
 * from the vocabulary in {@code src/test/resources/routing/seed-vocabulary.txt}: per category, problems (title
 * phrases, what residents say, what they ask) combined with the demo district's invented places, openings, durations
 * and closings shared by every category, colloquial asides, common misspellings, short and long messages, titles
 * alone and bodies alone, and messages raising a second problem. Everything is our own writing. Deterministic:
 * <pre>mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=cn.civicloop.classifier.SeedCorpusGenerator</pre>
 * {@code SeedCorpusTests} checks the committed file is this generator's output.
 */
public final class SeedCorpusGenerator {

    static final long SEED = 21L;
    static final int MESSAGES_PER_CATEGORY = 560;
    static final Path OUTPUT = Path.of("src/main/resources/routing/seed-corpus.csv");

    private static final Pattern PLACE = Pattern.compile("\\{([^}]+)}");

    /** Misspellings residents type with a pinyin keyboard: a word and a wrong homophone. */
    private static final String[][] TYPOS = {{"已经", "以经"}, {"反映", "反应"}, {"部门", "部们"}, {"希望", "希旺"},
            {"解决", "结决"}, {"垃圾", "拉圾"}, {"噪音", "燥音"}, {"工资", "工姿"}, {"物业", "物叶"}, {"在", "再"},
            {"的", "得"}, {"领导", "领到"}, {"处理", "处里"}, {"严重", "言重"}, {"小区", "小曲"}, {"医院", "医园"},
            {"学校", "学效"}, {"投诉", "投述"}, {"收费", "收废"}, {"那么", "那末"}};

    private static final String[] TITLE_FORMS = {"%1$s%2$s", "关于%1$s%2$s的问题", "%2$s", "反映%1$s%2$s",
            "投诉%1$s%2$s", "%1$s%2$s问题何时解决", "强烈要求解决%1$s%2$s", "%1$s%2$s怎么办", "%2$s", "咨询%2$s",
            "%1$s%2$s，请领导关注", "%1$s%2$s问题严重", "请求处理%1$s%2$s", "%2$s的问题", "%1$s居民反映%2$s"};

    private SeedCorpusGenerator() {
    }

    record Problem(List<String> titles, List<String> says, List<String> asks) {
    }

    record Category(String name, List<String> asks, List<String> placeKinds, Map<String, List<String>> own,
            List<Problem> problems) {
    }

    record Vocabulary(Map<String, List<String>> places, Map<String, List<String>> generic, List<Category> categories) {
    }

    public static void main(String[] args) throws IOException {
        Files.writeString(OUTPUT, csv(), StandardCharsets.UTF_8);
        System.out.println("wrote " + OUTPUT);
    }

    /** The corpus as CSV text with header {@code message_id,title,detail,label}. */
    static String csv() throws IOException {
        List<String[]> rows = generate(vocabulary(), new Random(SEED));
        StringWriter text = new StringWriter();
        CsvWriter out = new CsvWriter(text);
        out.write(List.of("message_id", "title", "detail", "label"));
        for (String[] row : rows) {
            out.write(List.of(row));
        }
        return text.toString();
    }

    static Vocabulary vocabulary() throws IOException {
        try (InputStream in = SeedCorpusGenerator.class.getResourceAsStream("/routing/seed-vocabulary.txt")) {
            if (in == null) {
                throw new IllegalStateException("routing/seed-vocabulary.txt not on the class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    static Vocabulary parse(String text) {
        Map<String, List<String>> places = new LinkedHashMap<>();
        Map<String, List<String>> generic = new LinkedHashMap<>();
        List<Category> categories = new ArrayList<>();
        String section = "";
        Category category = null;
        Problem problem = null;
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("@")) {
                section = line;
                if (line.startsWith("@category ")) {
                    category = new Category(line.substring(10).strip(), new ArrayList<>(), new ArrayList<>(),
                            new LinkedHashMap<>(), new ArrayList<>());
                    categories.add(category);
                    problem = null;
                }
                continue;
            }
            int eq = line.indexOf('=');
            String key = line.substring(0, eq);
            List<String> values = List.of(line.substring(eq + 1).split("\\|", -1));
            if (section.equals("@places")) {
                places.put(key, values);
            } else if (section.equals("@generic")) {
                generic.put(key, values);
            } else if (key.equals("places")) {
                category.placeKinds().addAll(values);
            } else if (key.equals("dept") || key.equals("who")) {
                category.own().put(key, values);
            } else if (key.equals("ask")) {
                category.asks().addAll(values);
            } else if (key.equals("T")) {
                problem = new Problem(values, new ArrayList<>(), new ArrayList<>());
                category.problems().add(problem);
            } else if (key.equals("S")) {
                problem.says().addAll(values);
            } else if (key.equals("A")) {
                problem.asks().addAll(values);
            } else {
                throw new IllegalArgumentException("unknown vocabulary line: " + line);
            }
        }
        return new Vocabulary(places, generic, categories);
    }

    static List<String[]> generate(Vocabulary v, Random random) {
        List<String[]> rows = new ArrayList<>();
        for (Category category : v.categories()) {
            for (int i = 0; i < MESSAGES_PER_CATEGORY; i++) {
                rows.add(new Writer(v, random).message(category));
            }
        }
        java.util.Collections.shuffle(rows, random);
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i)[0] = String.format("G%05d", i + 1);
        }
        return rows;
    }

    /** Writes one message as a resident might. */
    private record Writer(Vocabulary v, Random random) {

        String[] message(Category category) {
            Problem problem = pick(category.problems());
            Problem second = random.nextDouble() < 0.25 ? pick(category.problems()) : null;
            String title = title(category, problem, second);
            String detail = detail(category, problem, second);
            double shape = random.nextDouble();
            if (shape < 0.2) {
                detail = "";
            } else if (shape < 0.32) {
                title = "";
            }
            if (random.nextDouble() < 0.2) {
                title = misspell(title);
                detail = misspell(detail);
            }
            return new String[] {"", title, detail, category.name()};
        }

        private String title(Category category, Problem problem, Problem second) {
            String phrase = fill(pick(problem.titles()));
            if (second != null && second != problem && random.nextDouble() < 0.5) {
                phrase = phrase + (random.nextBoolean() ? "，" : "及") + fill(pick(second.titles()));
            }
            String place = random.nextDouble() < 0.6 ? place(category) : "";
            return String.format(pick(List.of(TITLE_FORMS)), place, phrase);
        }

        private String detail(Category category, Problem problem, Problem second) {
            StringBuilder text = new StringBuilder();
            if (random.nextDouble() < 0.55) {
                text.append(generic("open"));
            }
            if (random.nextDouble() < 0.3) {
                text.append(own(category, generic("iam")));
            }
            List<String> says = new ArrayList<>(problem.says());
            java.util.Collections.shuffle(says, random);
            boolean longMessage = random.nextDouble() < 0.4;
            int count = longMessage ? 3 + random.nextInt(3) : 1 + random.nextInt(2);
            for (int i = 0; i < Math.min(count, says.size()); i++) {
                if (random.nextDouble() < 0.15) {
                    text.append(generic("colloquial"));
                }
                text.append(sentence(says.get(i)));
            }
            if (second != null && second != problem) {
                text.append(pick(List.of("另外，", "还有，", "还有一个问题，", "顺便再反映一下，", "同时，")));
                text.append(sentence(pick(second.says())));
            }
            if (random.nextDouble() < 0.5) {
                text.append(generic("dur"));
            }
            if (random.nextDouble() < 0.35) {
                text.append(own(category, generic("told")));
            }
            if (random.nextDouble() < 0.4) {
                text.append(generic("effect"));
            }
            List<String> asks = problem.asks().isEmpty() || random.nextBoolean() ? category.asks() : problem.asks();
            text.append(random.nextDouble() < 0.3 ? own(category, generic("plead")) : fill(pick(asks)));
            text.append(generic("close"));
            String body = text.toString();
            double style = random.nextDouble();
            if (style < 0.12) {
                body = body.replace("。", "，").replace("！", "!!"); // typed in one breath on a phone
            } else if (style < 0.2) {
                body = body.replace("。", " ");
            }
            return body.strip();
        }

        private String sentence(String says) {
            String s = fill(says);
            return s + (random.nextDouble() < 0.15 ? "！" : "。");
        }

        /** Fills the category's own kinds ({@code {dept}}, {@code {who}}) of a shared phrase. */
        private String own(Category category, String phrase) {
            String out = phrase;
            for (Map.Entry<String, List<String>> kind : category.own().entrySet()) {
                while (out.contains("{" + kind.getKey() + "}")) {
                    out = out.replaceFirst(Pattern.quote("{" + kind.getKey() + "}"),
                            Matcher.quoteReplacement(pick(kind.getValue())));
                }
            }
            return out;
        }

        private String generic(String key) {
            return fill(pick(v.generic().get(key)));
        }

        /** Mostly a place where this category's problems happen, sometimes any district place. */
        private String place(Category category) {
            List<String> kinds = new ArrayList<>(v.places().keySet());
            kinds.remove("物");
            return fill("{" + pick(random.nextDouble() < 0.8 ? category.placeKinds() : kinds) + "}");
        }

        private String fill(String template) {
            Matcher m = PLACE.matcher(template);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                List<String> names = v.places().get(m.group(1));
                if (names == null && (m.group(1).equals("dept") || m.group(1).equals("who"))) {
                    m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
                    continue;
                }
                if (names == null) {
                    throw new IllegalArgumentException("unknown place kind " + m.group(1) + " in " + template);
                }
                m.appendReplacement(out, Matcher.quoteReplacement(pick(names)));
            }
            m.appendTail(out);
            return out.toString();
        }

        private String misspell(String text) {
            if (text.isEmpty()) {
                return text;
            }
            String[] typo = TYPOS[random.nextInt(TYPOS.length)];
            int at = text.indexOf(typo[0]);
            return at < 0 ? text : text.substring(0, at) + typo[1] + text.substring(at + typo[0].length());
        }

        private <T> T pick(List<T> list) {
            return list.get(random.nextInt(list.size()));
        }
    }
}
