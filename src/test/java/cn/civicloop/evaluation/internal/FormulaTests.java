package cn.civicloop.evaluation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.civicloop.shared.InvalidInputException;

/**
 * An indicator's formula as a plain unit: the counts it needs, arithmetic with the usual precedence, no value for a
 * division by zero, and a refusal that says where the text went wrong.
 */
class FormulaTests {

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
            "count(HANDLE) count(REPLY)|第15个字符处：多余的内容",
            "count(HANDLE) +|第16个字符处：公式不完整",
            "count(HANDLE) + sum(REPLY)|第20个字符处：未知的词 (unknown word) sum",
            "count(HANDLED)|第14个字符处：未知的事实 (unknown fact) HANDLED",
            "count(HANDLE, late)|第19个字符处：未知的条件 (unknown condition) late",
            "count(HANDLE, hit & )|第21个字符处：此处应为名称",
            "count(HANDLE|第13个字符处：此处应为 ')'",
            "count(HANDLE, hit|第18个字符处：此处应为 ')'",
            "count(HANDLE, hit & miss|第25个字符处：此处应为 ')'",
            "(count(HANDLE)|第15个字符处：此处应为 ')'",
            "count HANDLE)|第7个字符处：此处应为 '('",
            "1..2 + count(HANDLE)|第5个字符处：数字有误",
            "+ count(HANDLE)|第1个字符处：此处应为名称"})
    void aBrokenFormulaIsRefusedWithWhereAndWhy(String formula, String message) {
        assertThatThrownBy(() -> Formula.parse(formula)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("公式" + message);
    }

    @Test
    void aFormulaCountsSomethingAndIsAtMostFourHundredCharacters() {
        assertThatThrownBy(() -> Formula.parse("1 + 2")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("counts nothing");
        assertThatThrownBy(() -> Formula.parse(" ")).hasMessageContaining("empty or too long");
        assertThatThrownBy(() -> Formula.parse(null)).hasMessageContaining("empty or too long");
        String longest = "count(INTAKE)" + " ".repeat(400 - "count(INTAKE)".length());
        assertThat(Formula.parse(longest).terms()).hasSize(1);
        assertThatThrownBy(() -> Formula.parse(longest + " ")).hasMessageContaining("empty or too long");
    }

    @Test
    void theTermsOfAFormulaCannotBeChanged() {
        List<Formula.Term> terms = Formula.parse("count(INTAKE, hit)").terms();
        assertThatThrownBy(() -> terms.add(term(Fact.REPLY))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> terms.get(0).conditions().add("miss"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
