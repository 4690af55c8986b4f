package cn.civicloop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One language per answer needs both languages of every sentence: each key of a module's bundle is in the Chinese
 * and the English file with the same arguments, and every refusal the module's code names ({@code problem.<module>.*},
 * as a {@code Phrase} or a validation message) is in both, its Chinese default in the code equal to the bundle's.
 */
class RefusalBundlesTests {

    /** {@code Phrase.of("problem.m.what", "中文默认"}, {@code refuse(field, "what", "中文默认"} (planning), {@code "{problem.m.what}"}. */
    private static final Pattern PHRASE = Pattern.compile("Phrase\\.of\\(\\s*\"(problem\\.[a-z0-9.-]+)\",\\s*\"([^\"]*)\"");
    private static final Pattern PLANNING_REFUSAL = Pattern.compile("refuse\\(\\s*[^,()]+,\\s*\"([a-z0-9-]+)\",\\s*\"([^\"]*)\"");
    private static final Pattern VALIDATION = Pattern.compile("\"\\{(problem\\.[a-z0-9.-]+)}\"");
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");

    @ParameterizedTest(name = "messages-{0}")
    @ValueSource(strings = { "roads", "planning", "calendar", "cameras", "dispatch", "evaluation", "open311" })
    void everyKeyIsInBothLanguagesWithTheSameArguments(String module) {
        Properties chinese = bundle("messages-" + module + ".properties");
        Properties english = bundle("messages-" + module + "_en.properties");
        assertThat(english.stringPropertyNames()).as("keys of the English bundle")
                .containsExactlyInAnyOrderElementsOf(chinese.stringPropertyNames());
        for (String key : chinese.stringPropertyNames()) {
            assertThat(arguments(english.getProperty(key))).as(key).isEqualTo(arguments(chinese.getProperty(key)));
            assertThat(english.getProperty(key)).as(key).doesNotContainPattern("\\p{IsHan}");
        }
    }

    /** Every bundle of every module: a key missing in one language shows a fallback or the key itself. */
    @Test
    void everyBundleHasTheSameKeysInBothLanguages() throws IOException {
        try (var files = Files.list(Path.of("src/main/resources"))) {
            List<String> chineseBundles = files.map(f -> f.getFileName().toString())
                    .filter(n -> n.startsWith("messages") && n.endsWith(".properties") && !n.endsWith("_en.properties"))
                    .sorted().toList();
            assertThat(chineseBundles).contains("messages.properties", "messages-cases.properties");
            for (String name : chineseBundles) {
                String english = name.replace(".properties", "_en.properties");
                assertThat(bundle(english).stringPropertyNames()).as(english)
                        .containsExactlyInAnyOrderElementsOf(bundle(name).stringPropertyNames());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "roads", "planning", "calendar", "cameras", "dispatch", "evaluation", "open311" })
    void everyRefusalOfTheCodeIsInTheBundleAsTheCodeWritesIt(String module) throws IOException {
        Properties chinese = bundle("messages-" + module + ".properties");
        Properties english = bundle("messages-" + module + "_en.properties");
        Map<String, String> defaults = new LinkedHashMap<>();
        Set<String> validation = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/cn/civicloop", module))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String code = Files.readString(file);
                collect(PHRASE.matcher(code), "", defaults);
                collect(PLANNING_REFUSAL.matcher(code), "problem.planning.", defaults);
                VALIDATION.matcher(code).results().forEach(m -> validation.add(m.group(1)));
            }
        }
        assertThat(defaults).as("refusals of %s", module).isNotEmpty();
        defaults.forEach((key, chineseDefault) -> {
            assertThat(key).startsWith("problem." + module + ".");
            assertThat(chinese.getProperty(key)).as(key).isEqualTo(chineseDefault);
            assertThat(english.getProperty(key)).as(key).isNotBlank();
        });
        for (String key : validation) {
            assertThat(chinese.getProperty(key)).as(key).isNotBlank();
            assertThat(english.getProperty(key)).as(key).isNotBlank();
        }
    }

    private static void collect(Matcher m, String prefix, Map<String, String> into) {
        while (m.find()) {
            into.put(prefix + m.group(1), m.group(2));
        }
    }

    private static Set<String> arguments(String text) {
        Set<String> found = new TreeSet<>();
        ARGUMENT.matcher(text).results().forEach(r -> found.add(r.group(1)));
        return found;
    }

    private static Properties bundle(String name) {
        Properties p = new Properties();
        try (InputStream in = RefusalBundlesTests.class.getResourceAsStream("/" + name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
