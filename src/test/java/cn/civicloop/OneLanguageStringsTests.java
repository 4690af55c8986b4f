package cn.civicloop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every sentence for a reader comes from the bundles in the reader's language, never as "中文 (English)" written in
 * the code: no string literal under {@code src/main/java} (nor literals joined with {@code +} into one expression) holds
 * Chinese characters together with a parenthesised English phrase. And every refusal the code names by key
 * ({@code Phrase.of("problem.…")}, a validation message {@code "{problem.…}"}) is in some bundle in both languages.
 */
class OneLanguageStringsTests {

    private static final Pattern CJK = Pattern.compile("\\p{IsHan}");
    /**
     * An opening bracket, half- or full-width, then two Latin words with no Chinese between: "(only the office…",
     * "(digits, +, - and spaces only)"; a term in brackets, "（Point）", "（type 为 Feature）", is not a phrase.
     */
    private static final Pattern ENGLISH_IN_BRACKETS =
            Pattern.compile("[(（][^()（）\\p{IsHan}]*?[A-Za-z]{2,}[^()（）\\p{IsHan}A-Za-z]+[^()（）\\p{IsHan}]*?[A-Za-z]{2,}");
    private static final Pattern PHRASE_KEY = Pattern.compile("Phrase\\.of\\(\\s*\"(problem\\.[a-z0-9.-]*[a-z0-9-])\"");
    // a key built from a prefix ("problem.planning." + what) is left to the module's own tests
    private static final Pattern VALIDATION_KEY = Pattern.compile("\"\\{(problem\\.[a-z0-9.-]+)}\"");

    /**
     * Strings allowed, each by its file, a piece of its text and the reason, which must say why the text never reaches
     * a reader as a sentence.
     */
    private static final List<Allowed> ALLOWED = List.of(
            // SQL: the brackets hold the column list; '系统' is the actor name stored for the timer's steps, which the
            // patrol page words as role.SYSTEM in the reader's language
            new Allowed("roads/internal/issues/IssueStore.java", "values (?, ?, '系统'",
                    "a stored value in SQL, worded at display time"));

    record Allowed(String file, String piece, String reason) {
    }

    @Test
    void noStringOfTheCodeMixesChineseWithAnEnglishPhraseInBrackets() throws IOException {
        List<String> mixed = new ArrayList<>();
        for (Path file : sources()) {
            String name = Path.of("src/main/java/cn/civicloop").relativize(file).toString().replace('\\', '/');
            for (Literal expression : expressions(Files.readString(file))) {
                boolean allowed = ALLOWED.stream()
                        .anyMatch(a -> a.file().equals(name) && expression.text().contains(a.piece()));
                if (mixes(expression.text()) && !allowed) {
                    mixed.add(file + ":" + expression.line() + " " + expression.text());
                }
            }
        }
        assertThat(mixed).as("strings mixing Chinese with \"(English)\": move them to the bundles").isEmpty();
    }

    @Test
    void theCheckFindsWhatItIsFor() {
        assertThat(mixes("仅考评办可执行此操作 (only the evaluation office may do this)")).isTrue();
        assertThat(mixes("时段起止不合理(the range must run forward")).isTrue();
        assertThat(mixes("没有此申诉（No such objection）")).isTrue();
        assertThat(mixes("电话号码格式不正确 (digits, +, - and spaces only)")).isTrue();
        assertThat(joined("throw new X(\"申诉期已过：\" + month + \"日截止 \"\n + \"(the period has ended)\");"))
                .as("literals joined into one sentence").anyMatch(OneLanguageStringsTests::mixes);
        assertThat(joined("throw new X(\"申诉期已过：\" + day.substring(0, 7) + \"日截止 \" + \"(the period has ended)\");"))
                .as("a comma of an inner call does not end the sentence").anyMatch(OneLanguageStringsTests::mixes);
        assertThat(joined("Phrase.of(\"k\", \"请填写\", \"(value of the x)\");"))
                .as("arguments are separate strings").noneMatch(OneLanguageStringsTests::mixes);
        assertThat(mixes("几何必须是点（Point），坐标为 [经度, 纬度]")).as("one word in brackets is a term").isFalse();
        assertThat(mixes("应为 GeoJSON FeatureCollection（type 为 FeatureCollection，features 为数组）")).isFalse();
        assertThat(mixes("Signs for the case (签收)")).as("a Chinese term after English").isFalse();
        assertThat(mixes("only the evaluation office (ADMIN only)")).isFalse();
        assertThat(joined("// 中文 (a comment is no string)\nString s = \"x\";")).noneMatch(OneLanguageStringsTests::mixes);
        assertThat(joined("Phrase.of(\"k\", \"请填写\"); log.info(\"(value of the x)\");"))
                .as("two statements are two expressions").noneMatch(OneLanguageStringsTests::mixes);
    }

    @Test
    void everyRefusalNamedByKeyIsInBothLanguages() throws IOException {
        Properties chinese = new Properties();
        Properties english = new Properties();
        try (Stream<Path> files = Files.list(Path.of("src/main/resources"))) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("messages.*\\.properties")).toList()) {
                load(f.getFileName().toString().endsWith("_en.properties") ? english : chinese, f);
            }
        }
        Set<String> missing = new TreeSet<>();
        for (Path file : sources()) {
            String code = Files.readString(file);
            for (Pattern p : List.of(PHRASE_KEY, VALIDATION_KEY)) {
                Matcher m = p.matcher(code);
                while (m.find()) {
                    String key = m.group(1);
                    if (chinese.getProperty(key) == null || english.getProperty(key) == null) {
                        missing.add(key + " (" + file.getFileName() + ")");
                    }
                }
            }
        }
        assertThat(missing).as("keys of refusals missing in a bundle").isEmpty();
    }

    private static boolean mixes(String text) {
        return CJK.matcher(text).find() && ENGLISH_IN_BRACKETS.matcher(text).find();
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static void load(Properties into, Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            into.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
    }

    private static List<String> joined(String code) {
        return expressions(code).stream().map(Literal::text).toList();
    }

    /** A string literal's text, or several joined into one expression, with the line where it starts. */
    record Literal(int line, String text) {
    }

    /**
     * The string literals of a source (text blocks included, comments and char literals skipped), those of one
     * expression joined: literals are joined until a {@code ;}, a brace, a comma between the arguments the first one
     * is among, or the bracket closing them ends the expression.
     */
    static List<Literal> expressions(String code) {
        List<Literal> found = new ArrayList<>();
        StringBuilder current = null;
        int start = 0;
        int startDepth = 0;
        int line = 1;
        int depth = 0;
        int i = 0;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (c == '\n') {
                line++;
            }
            if (code.startsWith("//", i)) {
                i = code.indexOf('\n', i);
                i = i < 0 ? code.length() : i;
                continue;
            }
            if (code.startsWith("/*", i)) {
                int end = code.indexOf("*/", i + 2);
                end = end < 0 ? code.length() : end + 2;
                line += (int) code.substring(i, end).chars().filter(ch -> ch == '\n').count();
                i = end;
                continue;
            }
            if (c == '\'') {
                i = skipQuoted(code, i, '\'');
                continue;
            }
            if (c == '"') {
                boolean block = code.startsWith("\"\"\"", i);
                int end = block ? code.indexOf("\"\"\"", i + 3) + 3 : skipQuoted(code, i, '"');
                end = end < 3 ? code.length() : end;
                String text = block ? code.substring(i + 3, end - 3) : code.substring(i + 1, end - 1);
                if (current == null) {
                    current = new StringBuilder();
                    start = line;
                    startDepth = depth;
                }
                current.append(text);
                line += (int) text.chars().filter(ch -> ch == '\n').count();
                i = end;
                continue;
            }
            if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth = Math.max(0, depth - 1);
            }
            boolean ends = c == ';' || c == '{' || c == '}' || (c == ',' && depth <= startDepth) || depth < startDepth;
            if (ends && current != null) {
                found.add(new Literal(start, current.toString()));
                current = null;
            }
            i++;
        }
        if (current != null) {
            found.add(new Literal(start, current.toString()));
        }
        return found;
    }

    private static int skipQuoted(String code, int from, char quote) {
        int i = from + 1;
        while (i < code.length() && code.charAt(i) != quote && code.charAt(i) != '\n') {
            i += code.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(code.length(), i + 1);
    }
}
