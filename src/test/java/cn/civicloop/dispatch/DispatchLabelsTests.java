package cn.civicloop.dispatch;

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
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import cn.civicloop.cases.CaseStatus;
import cn.civicloop.dispatch.internal.Shift;

/**
 * The desk, the map and the terminal write every status, step and reason from the dispatch bundle, in both
 * languages: a value the pages can meet without a label would show as a raw code ("ENTER OPEN"). Their scripts
 * carry no words of their own.
 */
class DispatchLabelsTests {

    private static final Pattern CJK = Pattern.compile("\\p{IsHan}");

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = DispatchLabelsTests.class.getClassLoader().getResourceAsStream(name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static List<String> keysThePagesNeed() {
        List<String> keys = new ArrayList<>();
        Stream.of(IncidentStatus.values()).forEach(s -> keys.add("dispatch.incident.status." + s.name()));
        Stream.of(IncidentType.values()).forEach(t -> keys.add("dispatch.incident.type." + t.name()));
        Stream.of(IncidentAction.values()).forEach(a -> keys.add("dispatch.log." + a.name()));
        Stream.of("ENTER", "PLACE", "COMMANDER").forEach(a -> keys.add("dispatch.log." + a));
        Stream.of(UnitStatus.values()).forEach(s -> keys.add("dispatch.unit.status." + s.name()));
        Stream.of(CaseStatus.values()).forEach(s -> keys.add("dispatch.case.status." + s.name()));
        Stream.of(Shift.values()).forEach(s -> keys.add("dispatch.shift." + s.name()));
        Stream.of("OWN_BLOCK", "NEIGHBOUR_SUPPORT", "CROSS_SUPPORT", "CROSS_FASTER")
                .forEach(w -> keys.add("dispatch.why." + w));
        Stream.of("OFF_DUTY", "OUT_OF_SERVICE", "BUSY", "NO_POSITION", "UNREACHABLE", "RESERVE")
                .forEach(r -> keys.add("dispatch.excluded." + r));
        return keys;
    }

    @Test
    void everyCodeThePagesShowHasAChineseAndAnEnglishLabel() throws IOException {
        Properties zh = bundle("messages-dispatch.properties");
        Properties en = bundle("messages-dispatch_en.properties");
        assertThat(en.stringPropertyNames()).as("the same keys in both languages").isEqualTo(zh.stringPropertyNames());
        for (String key : keysThePagesNeed()) {
            assertThat(zh.getProperty(key)).as(key).isNotBlank().containsPattern(CJK);
            assertThat(en.getProperty(key)).as(key).isNotBlank().doesNotContainPattern(CJK);
        }
        for (String key : en.stringPropertyNames()) {
            if (!key.startsWith("dispatch.officer.")) {
                assertThat(en.getProperty(key)).as(key).doesNotContainPattern(CJK);
            }
        }
    }

    @Test
    void theScriptsCarryNoWordsOfTheirOwn() throws IOException {
        Path js = Path.of("src/main/resources/static/js");
        for (String script : List.of("dispatch-common.js", "dispatch-desk.js", "dispatch-map.js", "dispatch-terminal.js")) {
            List<String> lines = Files.readAllLines(js.resolve(script));
            for (String line : lines) {
                String code = line.strip();
                if (code.startsWith("//") || code.contains("var KINDS")) {
                    continue; // comments; the officers' kinds as the seed data stores them, mapped to label keys
                }
                assertThat(code).as(script).doesNotContainPattern(CJK);
            }
            assertThat(String.join("\n", lines)).as(script + " writes times only through CivicTime")
                    .doesNotContain("toLocaleTimeString").doesNotContain("toLocaleString").doesNotContain("getHours");
        }
    }
}
