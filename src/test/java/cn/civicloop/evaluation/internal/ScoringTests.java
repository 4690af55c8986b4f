package cn.civicloop.evaluation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The composite score and its grade as plain units: Σ weight × figure in percent, a "less is better" indicator as
 * 100 − its share, the weights of the indicators without a value scaled away, a count never weighted.
 */
class ScoringTests {

    private static final EvaluationProperties SETTINGS = new EvaluationProperties(Duration.ofDays(30), 5, 5, 90, 75,
            60, 40, 200);
    private static final Scoring SCORING = new Scoring(SETTINGS);

    private static final Indicator ON_TIME = indicator("ON_TIME", "HIGHER", "PERCENT");
    private static final Indicator RETURNED = indicator("RETURNED", "LOWER", "PERCENT");
    private static final Indicator SATISFIED = indicator("SATISFIED", "HIGHER", "PERCENT");
    private static final Indicator CASES = indicator("CASES", "HIGHER", "COUNT");
    private static final List<Indicator> ALL = List.of(ON_TIME, RETURNED, SATISFIED, CASES);

    private static Indicator indicator(String code, String direction, String unit) {
        return new Indicator(code, code + "率", code + " rate", "count(HANDLE, hit) / count(HANDLE)", direction, unit,
                "HANDLE_DUE", 1, 1);
    }

    private static Calculator.Figures figures(Object... codeAndRaw) {
        Map<String, Calculator.Value> values = new java.util.LinkedHashMap<>();
        for (int i = 0; i < codeAndRaw.length; i += 2) {
            values.put((String) codeAndRaw[i], new Calculator.Value((Double) codeAndRaw[i + 1], Map.of()));
        }
        return new Calculator.Figures("7", values);
    }

    @Test
    void theScoreWeighsEachFigureAndCountsALessIsBetterOneFromAHundred() {
        Double score = SCORING.score(figures("ON_TIME", 0.9, "RETURNED", 0.1, "SATISFIED", 0.8), ALL,
                Map.of("ON_TIME", 0.5, "RETURNED", 0.3, "SATISFIED", 0.2));
        assertThat(score).as("0.5 × 90 + 0.3 × (100 − 10) + 0.2 × 80").isEqualTo(88.0);
    }

    @Test
    void theWeightsOfFiguresWithoutAValueAreScaledAway() {
        Double score = SCORING.score(figures("ON_TIME", 0.9, "RETURNED", null), ALL,
                Map.of("ON_TIME", 0.25, "RETURNED", 0.25, "SATISFIED", 0.5));
        assertThat(score).as("only ON_TIME has a value: its figure is the score").isEqualTo(90.0);
        Double two = SCORING.score(figures("ON_TIME", 0.9, "SATISFIED", 0.6), ALL,
                Map.of("ON_TIME", 0.25, "SATISFIED", 0.5, "RETURNED", 0.25));
        assertThat(two).as("(0.25 × 90 + 0.5 × 60) / 0.75").isEqualTo(70.0);
    }

    @Test
    void aCountAnUnweightedIndicatorOrNoValueAtAllGiveNoScoreFromThem() {
        assertThat(SCORING.score(figures("CASES", 120.0), ALL, Map.of("CASES", 1.0))).isNull();
        assertThat(SCORING.score(figures("ON_TIME", 0.9), ALL, Map.of("SATISFIED", 1.0))).isNull();
        assertThat(SCORING.score(figures(), ALL, Map.of("ON_TIME", 1.0))).isNull();
        assertThat(SCORING.score(figures("ON_TIME", 0.9, "CASES", 500.0), ALL, Map.of("ON_TIME", 0.5, "CASES", 0.5)))
                .as("the count's weight is not counted either").isEqualTo(90.0);
    }

    @Test
    void theScoreIsRoundedToTwoDecimals() {
        assertThat(SCORING.score(figures("ON_TIME", 2.0 / 3), ALL, Map.of("ON_TIME", 1.0))).isEqualTo(66.67);
        assertThat(SCORING.score(figures("ON_TIME", 0.123456), ALL, Map.of("ON_TIME", 1.0))).isEqualTo(12.35);
    }

    @Test
    void eachGradeStartsAtItsLowestScore() {
        assertThat(SCORING.grade(null)).isNull();
        assertThat(SCORING.grade(100.0)).isEqualTo("A");
        assertThat(SCORING.grade(90.0)).isEqualTo("A");
        assertThat(SCORING.grade(89.99)).isEqualTo("B");
        assertThat(SCORING.grade(75.0)).isEqualTo("B");
        assertThat(SCORING.grade(74.99)).isEqualTo("C");
        assertThat(SCORING.grade(60.0)).isEqualTo("C");
        assertThat(SCORING.grade(59.99)).isEqualTo("D");
        assertThat(SCORING.grade(40.0)).isEqualTo("D");
        assertThat(SCORING.grade(39.99)).isEqualTo("E");
    }

    @Test
    void anIndicatorShowsAShareTimesAHundredAndACountAsItIs() {
        assertThat(ON_TIME.shown(0.875)).isEqualTo(87.5);
        assertThat(CASES.shown(12.0)).isEqualTo(12.0);
        assertThat(ON_TIME.shown(null)).isNull();
        assertThat(CASES.shown(null)).isNull();
        assertThat(ON_TIME.percent()).isTrue();
        assertThat(CASES.percent()).isFalse();
        assertThat(ON_TIME.higherIsBetter()).isTrue();
        assertThat(RETURNED.higherIsBetter()).isFalse();
        assertThat(ON_TIME.name(Locale.ENGLISH)).isEqualTo("ON_TIME rate");
        assertThat(ON_TIME.name(Locale.SIMPLIFIED_CHINESE)).isEqualTo("ON_TIME率");
        assertThat(ON_TIME.name(null)).isEqualTo("ON_TIME率");
        assertThat(ON_TIME.termKeys()).containsExactly("count(HANDLE, hit)", "count(HANDLE)");
    }
}
