package cn.civicloop.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SearchTermsTests {

    @Test
    void aRunOfChineseCharactersGivesItsBigrams() {
        assertThat(SearchTerms.of("广场舞扰民")).containsExactly("广场", "场舞", "舞扰", "扰民");
    }

    @Test
    void aSingleChineseCharacterBetweenPunctuationIsATerm() {
        assertThat(SearchTerms.of("水，停了")).containsExactly("水", "停了");
    }

    @Test
    void latinAndDigitRunsAreWholeTermsInLowerCaseAndSeparateFromChinese() {
        assertThat(SearchTerms.of("KTV噪音12345")).containsExactly("ktv", "噪音", "12345");
    }

    @Test
    void fullWidthTraditionalAndSpacedFormsGiveTheSameTermsAsTheCommonForm() {
        assertThat(SearchTerms.of("噪 音擾民 ＫＴＶ")).isEqualTo(SearchTerms.of("噪音扰民ktv"));
    }

    @Test
    void spacesSeparateLatinWordsButNotChineseCharacters() {
        assertThat(SearchTerms.of("drop table cases")).containsExactly("drop", "table", "cases");
        assertThat(SearchTerms.of("燃 气 泄 漏")).containsExactly("燃气", "气泄", "泄漏");
        assertThat(SearchTerms.of("KTV 噪音")).containsExactly("ktv", "噪音");
    }

    @Test
    void repeatedTermsAreKeptOnceInTheOrderTheyFirstAppear() {
        assertThat(SearchTerms.of("漏水漏水")).containsExactly("漏水", "水漏");
    }

    @Test
    void punctuationAndEmojiAreNeverTerms() {
        assertThat(SearchTerms.of("😡😡！！…")).isEmpty();
        assertThat(SearchTerms.ofQuery("")).isEmpty();
        assertThat(SearchTerms.ofQuery(null)).isEmpty();
    }

    @Test
    void longLatinRunsAreCut() {
        String hash = "a".repeat(100);
        assertThat(SearchTerms.of(hash)).containsExactly("a".repeat(SearchTerms.MAX_TERM));
    }

    @Test
    void everyQueryTermIsInTheColumnOfATextHoldingThePhrase() {
        String text = "中心街道某小区楼下广场舞噪音扰民，晚上十点还在跳";
        String column = SearchTerms.column(SearchTerms.of(text));
        for (String term : SearchTerms.ofQuery("广场舞噪音")) {
            assertThat(column).contains(" " + term + " ");
        }
        assertThat(column).doesNotContain(" 停水 ");
    }

    @Test
    void theColumnReadsBackAsItsTerms() {
        List<String> terms = SearchTerms.of("路灯不亮 3号楼");
        assertThat(SearchTerms.fromColumn(SearchTerms.column(terms))).isEqualTo(terms);
        assertThat(SearchTerms.column(List.of())).isEqualTo(" ");
    }
}
