package cn.civicloop.triage.internal;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.civicloop.classifier.ChineseText;
import cn.civicloop.triage.HazardMatch;
import cn.civicloop.triage.HazardProbes;
import cn.civicloop.triage.RoutingCatalogue.HazardRule;

/**
 * Prints how the shipped hazard and linkage rules ({@code triage/demo-hazard-rules.yml}) decide the hazard probes:
 * per rule the probes it decided rightly, its false alarms (it decided a probe that expected another rule or none)
 * and its misses (a probe that expected it went elsewhere or nowhere); overall the same, the right department, and
 * the time one appeal takes to match. Uses the application's own matching code, without database or classifier.
 *
 * <pre>mvn -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=cn.civicloop.triage.internal.HazardProbeBenchmark [-Dexec.args=MORE-PROBES.csv]</pre>
 *
 * A second file of probes in the same format (e.g. written by someone who never saw the rules) is reported apart.
 */
public final class HazardProbeBenchmark {

    public static void main(String[] args) throws Exception {
        List<CompiledHazard> rules = shippedRules();
        System.out.printf("%d hazard and linkage rules from triage/demo-hazard-rules.yml%n", rules.size());
        report("asserted probes (" + HazardProbes.ASSERTED + ")", HazardProbes.read(HazardProbes.ASSERTED), rules);
        String file = args.length > 0 ? args[0] : null;
        if (file != null) {
            report("probes of " + file, HazardProbes.read(java.nio.file.Path.of(file)), rules);
        }
        timing(rules);
    }

    /** The shipped rules, compiled and in the order they decide (ids as the file's order, as when seeded). */
    static List<CompiledHazard> shippedRules() throws Exception {
        try (var in = new InputStreamReader(HazardProbeBenchmark.class.getClassLoader()
                .getResourceAsStream("triage/demo-hazard-rules.yml"), StandardCharsets.UTF_8)) {
            List<HazardRule> read = HazardRuleFile.read(in, "triage/demo-hazard-rules.yml");
            List<HazardRule> numbered = new ArrayList<>();
            for (int i = 0; i < read.size(); i++) {
                HazardRule r = read.get(i);
                numbered.add(new HazardRule((long) i + 1, r.name(), r.level(), r.patterns(), r.excludePatterns(),
                        r.channels(), r.areaCode(), r.departmentCode(), r.unitCode(), r.urgency(), r.refer110(),
                        r.diverts(), r.priority(), r.active(), r.note()));
            }
            return numbered.stream().sorted(CompiledHazard.ORDER).map(CompiledHazard::of).toList();
        }
    }

    static Optional<HazardMatch> decide(List<CompiledHazard> rules, HazardProbes.Probe p) {
        return CompiledHazard.first(rules, ChineseText.normalise(p.title() + "\n" + p.content()), p.channel(), List.of());
    }

    private static void report(String title, List<HazardProbes.Probe> probes, List<CompiledHazard> rules) {
        Map<String, int[]> perRule = new LinkedHashMap<>(); // right, false alarms, misses
        rules.forEach(r -> perRule.put(r.rule().name(), new int[3]));
        int right = 0;
        int rightDepartment = 0;
        int falseAlarms = 0;
        int missed = 0;
        int wrongRule = 0;
        int hazards = 0;
        List<String> wrong = new ArrayList<>();
        for (HazardProbes.Probe p : probes) {
            String got = decide(rules, p).map(HazardMatch::ruleName).orElse(null);
            String gotDepartment = decide(rules, p).map(HazardMatch::departmentCode).orElse(null);
            hazards += p.expectsHazard() ? 1 : 0;
            if (java.util.Objects.equals(got, p.expectedRule())) {
                right++;
                if (got != null) {
                    perRule.get(got)[0]++;
                }
            } else {
                wrong.add(p.id() + " " + p.title() + ": expected " + orNone(p.expectedRule()) + ", got "
                        + orNone(got) + decide(rules, p).map(m -> " (“" + m.phrase() + "”)").orElse(""));
                if (got != null) {
                    perRule.get(got)[1]++;
                }
                if (p.expectedRule() != null) {
                    perRule.computeIfAbsent(p.expectedRule(), k -> new int[3])[2]++;
                }
                if (p.expectsHazard() && got == null) {
                    missed++;
                } else if (!p.expectsHazard()) {
                    falseAlarms++;
                } else {
                    wrongRule++;
                }
            }
            if (p.expectedDepartment() == null ? gotDepartment == null || !p.expectsHazard()
                    : p.expectedDepartment().equals(gotDepartment)) {
                rightDepartment++;
            }
        }
        System.out.printf("%n%s: %d probes, %d expecting a hazard or linkage rule, %d expecting none%n", title,
                probes.size(), hazards, probes.size() - hazards);
        System.out.printf("%-12s %6s %12s %7s%n", "rule", "right", "false alarms", "misses");
        perRule.forEach((name, c) -> System.out.printf("%-12s %6d %12d %7d%n", name, c[0], c[1], c[2]));
        System.out.printf("overall: %d/%d decided by the expected rule (or by none, as expected); right department "
                + "%d/%d; false alarms %d of %d harmless probes; misses %d and wrong rule %d of %d hazard probes%n",
                right, probes.size(), rightDepartment, probes.size(), falseAlarms, probes.size() - hazards, missed,
                wrongRule, hazards);
        wrong.forEach(w -> System.out.println("  wrong: " + w));
    }

    private static void timing(List<CompiledHazard> rules) {
        List<HazardProbes.Probe> all = HazardProbes.read(HazardProbes.ASSERTED);
        String longText = "小区物业管理不到位，楼道里堆满杂物没人清理，路灯坏了也没人修，希望有关部门尽快处理。".repeat(220);
        for (int warm = 0; warm < 2_000; warm++) {
            decide(rules, all.get(warm % all.size()));
        }
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            HazardProbes.Probe p = all.get(i % all.size());
            long t = System.nanoTime();
            decide(rules, p);
            nanos.add(System.nanoTime() - t);
        }
        nanos.sort(Comparator.naturalOrder());
        long t = System.nanoTime();
        for (int i = 0; i < 50; i++) {
            ChineseText.normalise(longText);
        }
        double normaliseMs = (System.nanoTime() - t) / 50 / 1e6;
        String normalised = ChineseText.normalise(longText);
        t = System.nanoTime();
        for (int i = 0; i < 50; i++) {
            CompiledHazard.first(rules, normalised, "HOTLINE_12345", List.of());
        }
        double rulesMs = (System.nanoTime() - t) / 50 / 1e6;
        System.out.printf("%nmatching one probe (normalise + all rules, one thread, 20,000 runs): median %.3f ms, "
                + "p99 %.3f ms; a %d-character appeal without hazard: normalise %.2f ms + rules %.2f ms%n",
                nanos.get(nanos.size() / 2) / 1e6, nanos.get(nanos.size() * 99 / 100) / 1e6, longText.length(),
                normaliseMs, rulesMs);
    }

    private static String orNone(String rule) {
        return rule == null ? "none" : rule;
    }
}
