package cn.civicloop.triage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** Which characters a hazard pattern's matches can begin with, and which patterns are left to the plain search. */
class MatchStartsTests {

    private static MatchStarts starts(String pattern) {
        return MatchStarts.of(CompiledHazard.compile(pattern)).orElseThrow();
    }

    /** Those of {@code candidates} a match can begin with. */
    private static String starting(MatchStarts s, String candidates) {
        StringBuilder b = new StringBuilder();
        candidates.chars().filter(c -> s.canStartWith((char) c)).forEach(c -> b.append((char) c));
        return b.toString();
    }

    @Test
    void anOptionalPieceLetsTheNextOneBeginTheMatch() {
        MatchStarts s = starts("(掉|跌)?(进|到)了?.{0,4}(河|湖)|跳(河|湖)");
        assertThat(starting(s, "掉跌进到跳了河湖水")).isEqualTo("掉跌进到跳");
        assertThat(starts("a{0,3}b").canStartWith('b')).isTrue();
        assertThat(starts("a{1,3}b").canStartWith('b')).isFalse();
    }

    @Test
    void lookaroundsConsumeNothingAndClassesGiveTheirCharacters() {
        MatchStarts leak = starts("(?<![胎球])漏气|[燃煤a-c]气(?!罐)");
        assertThat(leak.canStartWith('漏')).isTrue();
        assertThat(leak.canStartWith('胎')).isFalse();
        assertThat(leak.canStartWith('罐')).isFalse();
        assertThat(starting(leak, "燃煤abcd气")).isEqualTo("燃煤abc");
        assertThat(starts("(?:天然|沼)(?<kind>气)").canStartWith('沼')).isTrue();
        assertThat(starts("\\(注意\\)").canStartWith('(')).isTrue();
    }

    @Test
    void aCaseInsensitivePatternBeginsWithEveryCaseOfItsLetters() {
        MatchStarts s = starts("ktv.{0,4}吵|噪音");
        assertThat(starting(s, "kK\u212Atv噪音")).isEqualTo("kK\u212A噪");
    }

    @Test
    void patternsThatCanBeginAnywhereOrUseUnknownSyntaxAreLeftToThePlainSearch() {
        for (String p : new String[] {".{0,4}火", "火?", "(?:火)*", "^起火", "起火$", "\\b火", "(?i)ktv", "[^火]灾",
            "\\d{11}", "(火)\\1", "\\p{IsHan}火", "火|", "(?=火)"}) {
            assertThat(MatchStarts.of(Pattern.compile(p))).as(p).isEmpty();
        }
    }

    @Test
    void theNextPossibleStartIsFound() {
        MatchStarts s = starts("起火|火灾");
        assertThat(s.next("楼下起火了", 0)).isEqualTo(2);
        assertThat(s.next("楼下起火了", 3)).isEqualTo(3);
        assertThat(s.next("楼下起火了", 4)).isEqualTo(-1);
    }
}
