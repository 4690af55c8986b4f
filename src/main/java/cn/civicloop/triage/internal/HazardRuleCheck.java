package cn.civicloop.triage.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.springframework.stereotype.Component;

import cn.civicloop.cases.Channel;
import cn.civicloop.directory.Department;
import cn.civicloop.directory.Directory;
import cn.civicloop.shared.Phrase;
import cn.civicloop.shared.DomainException.FieldProblem;
import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.triage.RoutingCatalogue.HazardRule;

/**
 * The checks a hazard rule passes before it is saved, all at once so that the admin sees every problem: the target
 * exists (a diverting rule's is a linked agency), channels and area exist, the name is not taken, and each pattern
 * compiles, matches something and stays fast on a long appeal (no {@code .*} over ten thousand characters).
 */
@Component
class HazardRuleCheck {

    /** Long texts a pattern must get through within its budget: its own characters, and ordinary prose. */
    private static final int STRESS_LENGTH = 10_000;
    private static final String PROSE = "小区物业管理不到位，楼道里堆满杂物没人清理，路灯坏了也没人修，希望有关部门尽快处理。";

    private final Directory directory;
    private final HazardCatalogue catalogue;

    HazardRuleCheck(Directory directory, HazardCatalogue catalogue) {
        this.directory = directory;
        this.catalogue = catalogue;
    }

    void check(HazardRule rule) {
        List<FieldProblem> problems = new ArrayList<>();
        target(rule, problems);
        rule.channels().stream().filter(c -> Arrays.stream(Channel.values()).noneMatch(k -> k.name().equals(c)))
                .findFirst().ifPresent(c -> problems.add(new FieldProblem("channels",
                        Phrase.of("problem.triage.unknown-channel", "未知渠道：{0}", c))));
        if (rule.areaCode() != null && directory.area(rule.areaCode()).isEmpty()) {
            problems.add(new FieldProblem("areaCode", Phrase.of("problem.triage.no-such-area", "区域编码不存在")));
        }
        if (catalogue.rules().stream().anyMatch(r -> r.name().equals(rule.name()) && !r.id().equals(rule.id()))) {
            problems.add(new FieldProblem("name", Phrase.of("problem.triage.another-rule-has-this-name", "已有同名规则")));
        }
        pattern("patterns", rule.patterns(), problems);
        if (rule.excludePatterns() != null) {
            pattern("excludePatterns", rule.excludePatterns(), problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(
                    Phrase.of("problem.shared.correct-marked-fields", "输入有误，请检查标出的字段"), problems);
        }
    }

    private void target(HazardRule rule, List<FieldProblem> problems) {
        Department department = directory.departmentByCode(rule.departmentCode()).orElse(null);
        if (department == null) {
            problems.add(new FieldProblem("departmentCode",
                    Phrase.of("problem.triage.no-such-department", "承办单位编码不存在")));
            return;
        }
        if (rule.diverts() && !department.linkage()) {
            problems.add(new FieldProblem("departmentCode",
                    Phrase.of("problem.triage.a-diverting-rule-must-name-a-linked", "联动分流的目标须为110社会联动单位")));
        }
        if (rule.unitCode() != null) {
            Department unit = directory.departmentByCode(rule.unitCode()).orElse(null);
            if (unit == null) {
                problems.add(new FieldProblem("unitCode", Phrase.of("problem.triage.no-such-unit", "二级单位编码不存在")));
            } else if (unit.id() == department.id() || !directory.isWithin(unit.id(), department.id())) {
                problems.add(new FieldProblem("unitCode",
                        Phrase.of("problem.triage.unit-is-not-part-of-the-department", "该单位不属于承办单位")));
            }
        }
    }

    /** Adds a readable reason why {@code pattern} cannot be used, if there is one. */
    static void pattern(String field, String pattern, List<FieldProblem> problems) {
        Pattern compiled;
        try {
            compiled = CompiledHazard.compile(pattern);
        } catch (PatternSyntaxException e) {
            problems.add(new FieldProblem(field,
                    Phrase.of("problem.triage.the-pattern-does-not-compile", "正则表达式无法编译：{0}", e.getDescription() + " @" + e.getIndex())));
            return;
        }
        if (compiled.matcher("").find()) {
            problems.add(new FieldProblem(field,
                    Phrase.of("problem.triage.the-pattern-matches-empty-text", "该模式会匹配空文本")));
            return;
        }
        try {
            for (String text : stressTexts(pattern)) {
                var m = compiled.matcher(new BoundedText(text));
                while (m.find()) {
                    // every match is read, as in a long appeal full of matches
                }
            }
        } catch (BoundedText.TooSlow e) {
            problems.add(new FieldProblem(field, Phrase.of("problem.triage.pattern-too-slow",
                    "该模式在长文本上过慢，请用有界的 {0} 代替 .* 或 .+", ".{0,10}")));
        }
    }

    /**
     * Long texts that make a backtracking pattern show itself: its own characters in turn, ordinary prose, and each
     * of its first few characters repeated (what {@code (a+)+b} needs).
     */
    private static List<String> stressTexts(String pattern) {
        String literals = literals(pattern);
        List<String> texts = new ArrayList<>(List.of(cycle(literals), cycle(PROSE)));
        literals.codePoints().distinct().limit(4).forEach(c -> texts.add(cycle(Character.toString(c))));
        return texts;
    }

    /** The characters of the pattern that are not regular-expression syntax, or the pattern itself. */
    private static String literals(String pattern) {
        String letters = pattern.replaceAll("[\\\\^$.|?*+()\\[\\]{}0-9,]", "");
        return letters.isEmpty() ? pattern : letters;
    }

    private static String cycle(String seed) {
        StringBuilder b = new StringBuilder(STRESS_LENGTH + seed.length());
        while (b.length() < STRESS_LENGTH) {
            b.append(seed);
        }
        return b.toString();
    }
}
