package cn.civicloop.evaluation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.support.ResourceBundleMessageSource;

import cn.civicloop.shared.DomainException;
import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.shared.Phrase;

/**
 * An indicator's formula as a plain unit: the counts it needs, arithmetic with the usual precedence, no value for a
 * division by zero, and a refusal that says where the text went wrong.
 */
class FormulaTests {

    private static final ResourceBundleMessageSource BUNDLES = new ResourceBundleMessageSource();

    static {
        BUNDLES.setBasenames("messages-evaluation");
        BUNDLES.setDefaultEncoding("UTF-8");
        BUNDLES.setFallbackToSystemLocale(false);
    }

    private static Formula.Term term(Fact fact, String... conditions) {
        return new Formula.Term(fact, Set.of(conditions));
    }

    private static Double value(String formula, Map<Formula.Term, Long> counts) {
        return Formula.parse(formula).evaluate(counts);
    }

    @Test
    void theTermsAreEachCountOnceInOrderOfAppearance() {
        Formula f = Formula.parse(" count(handle, hit) / (COUNT(HANDLE) + count(Follow_Up, satisfied & Basic)) "
                + "- count(HANDLE,hit) ");
        assertThat(f.terms()).containsExactly(term(Fact.HANDLE, "hit"), term(Fact.HANDLE),
                term(Fact.FOLLOW_UP, "basic", "satisfied"));
        assertThat(f.terms()).extracting(Formula.Term::key).containsExactly("count(HANDLE, hit)", "count(HANDLE)",
                "count(FOLLOW_UP, basic & satisfied)");
        assertThat(Formula.parse("count( HANDLE , hit &miss ) ").terms()).as("spaces anywhere between names")
                .containsExactly(term(Fact.HANDLE, "hit", "miss"));
        assertThat(f.text()).as("kept as written, trimmed").startsWith("count(handle, hit)").endsWith("count(HANDLE,hit)");
    }

    @Test
    void everyConditionNamesAColumnTest() {
        assertThat(Formula.CONDITIONS).containsOnlyKeys("hit", "miss", "first", "returned", "replied", "satisfied",
                "basic", "dissatisfied", "rated1", "rated2", "rated3", "rated4", "rated5", "p1", "p2", "p3", "p4",
                "onscene");
        assertThat(Formula.CONDITIONS.get("p3")).isEqualTo("f.priority = 3");
        assertThat(Formula.CONDITIONS.get("onscene")).isEqualTo("f.response_seconds is not null");
        assertThat(Formula.CONDITIONS.get("rated4")).isEqualTo("f.outcome = 'RATED_4'");
        assertThat(Formula.CONDITIONS.get("miss")).isEqualTo("not f.hit");
        assertThat(Formula.CONDITIONS.get("basic")).isEqualTo("f.outcome = 'BASICALLY_SATISFIED'");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '=', value = {
            "1 + 2 * 3 + count(INTAKE) = 7",
            "(1 + 2) * 3 + count(INTAKE) = 9",
            "8 - 2 - 1 + count(INTAKE) = 5",
            "8 / 4 / 2 + count(INTAKE) = 1",
            "0.5 * count(HANDLE) = 5",
            "count(HANDLE) - count(HANDLE, hit) = 3",
            "count(HANDLE, hit) / count(HANDLE) = 0.7",
            "100 * count(HANDLE, hit) / count(HANDLE) = 70",
            "1 - count(HANDLE, hit) / count(HANDLE) = 0.30000000000000004",
            "count(REPLY) = 0"})
    void arithmeticFollowsTheUsualPrecedence(String formula, double expected) {
        Map<Formula.Term, Long> counts = Map.of(term(Fact.HANDLE), 10L, term(Fact.HANDLE, "hit"), 7L);
        assertThat(value(formula, counts)).isEqualTo(expected);
    }

    @Test
    void aDivisionByZeroHasNoValueAndNeitherHasAnythingBuiltOnIt() {
        Map<Formula.Term, Long> none = new HashMap<>();
        assertThat(value("count(HANDLE, hit) / count(HANDLE)", none)).isNull();
        assertThat(value("1 + count(HANDLE, hit) / count(HANDLE)", none)).isNull();
        assertThat(value("count(HANDLE, hit) / count(HANDLE) * 100", none)).isNull();
        assertThat(value("count(HANDLE, hit) / count(HANDLE) - 1", none)).isNull();
        assertThat(value("0 / count(HANDLE)", Map.of(term(Fact.HANDLE), 4L))).isEqualTo(0.0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "count(HANDLE) count(REPLY)|第15个字符处：多余的内容|At character 15 of the formula: unexpected text",
            "count(HANDLE) +|第16个字符处：公式不完整|At character 16 of the formula: the formula ends too early",
            "count(HANDLE) + sum(REPLY)|第20个字符处：未知的词 sum|At character 20 of the formula: unknown word sum",
            "count(HANDLED)|第14个字符处：未知的事实 HANDLED|At character 14 of the formula: unknown fact HANDLED",
            "count(HANDLE, late)|第19个字符处：未知的条件 late|At character 19 of the formula: unknown condition late",
            "count(HANDLE, hit & )|第21个字符处：此处应为名称|At character 21 of the formula: a name is expected",
            "count(HANDLE|第13个字符处：此处应为 ')'|At character 13 of the formula: ')' is expected",
            "count(HANDLE, hit|第18个字符处：此处应为 ')'|At character 18 of the formula: ')' is expected",
            "count(HANDLE, hit & miss|第25个字符处：此处应为 ')'|At character 25 of the formula: ')' is expected",
            "(count(HANDLE)|第15个字符处：此处应为 ')'|At character 15 of the formula: ')' is expected",
            "count HANDLE)|第7个字符处：此处应为 '('|At character 7 of the formula: '(' is expected",
            "1..2 + count(HANDLE)|第5个字符处：数字有误|At character 5 of the formula: a malformed number",
            "+ count(HANDLE)|第1个字符处：此处应为名称|At character 1 of the formula: a name is expected"})
    void aBrokenFormulaIsRefusedWithWhereAndWhyInEitherLanguage(String formula, String chinese, String english) {
        assertThatThrownBy(() -> Formula.parse(formula)).isInstanceOf(InvalidInputException.class)
                .hasMessage("公式" + chinese);
        assertThat(read(refusal(formula), Locale.SIMPLIFIED_CHINESE)).isEqualTo("公式" + chinese);
        assertThat(read(refusal(formula), Locale.ENGLISH)).isEqualTo(english).doesNotContainPattern("\\p{IsHan}");
    }

    @Test
    void aFormulaCountsSomethingAndIsAtMostFourHundredCharacters() {
        assertThatThrownBy(() -> Formula.parse("1 + 2")).isInstanceOf(InvalidInputException.class)
                .hasMessage("公式至少含一个 count(...)");
        assertThat(read(refusal("1 + 2"), Locale.ENGLISH))
                .isEqualTo("The formula counts nothing: it needs at least one count(...)");
        assertThatThrownBy(() -> Formula.parse(" ")).hasMessage("公式不能为空且不超过400字符");
        assertThatThrownBy(() -> Formula.parse(null)).hasMessage("公式不能为空且不超过400字符");
        assertThat(read(refusal(null), Locale.ENGLISH)).isEqualTo("A formula is required, at most 400 characters");
        String longest = "count(INTAKE)" + " ".repeat(400 - "count(INTAKE)".length());
        assertThat(Formula.parse(longest).terms()).hasSize(1);
        assertThatThrownBy(() -> Formula.parse(longest + " ")).hasMessage("公式不能为空且不超过400字符");
    }

    private static Phrase refusal(String formula) {
        try {
            Formula.parse(formula);
        } catch (InvalidInputException refused) {
            assertThat(refused.fieldProblems()).extracting(DomainException.FieldProblem::field).containsExactly("formula");
            return refused.phrase();
        }
        throw new AssertionError("not refused: " + formula);
    }

    /** What {@code RefusalText} does with the application's bundles: the phrase, its phrases read alike. */
    private static String read(Phrase phrase, Locale locale) {
        return BUNDLES.getMessage(phrase.key(), phrase.arguments(p -> read(p, locale)), phrase.fallback(), locale);
    }

    @Test
    void theTermsOfAFormulaCannotBeChanged() {
        List<Formula.Term> terms = Formula.parse("count(INTAKE, hit)").terms();
        assertThatThrownBy(() -> terms.add(term(Fact.REPLY))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> terms.get(0).conditions().add("miss"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
