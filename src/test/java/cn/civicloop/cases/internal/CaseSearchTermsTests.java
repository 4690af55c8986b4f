package cn.civicloop.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CaseSearchTermsTests {

    @Test
    void aPhoneNumberInTheResidentsWordsIsNotStoredAgainAsATerm() {
        String terms = CaseSearchTerms.of("楼下饭店油烟太大", "联系我13912345678，或者0632-1234567", null);
        assertThat(terms).contains(" 油烟 ", " 0632 ").doesNotContain("13912345678", "1234567");
        assertThat(CaseSearchTerms.ofQuery("油烟 13912345678")).containsExactly("油烟");
    }

    @Test
    void shortNumbersStayTermsSoAHouseNumberOrAHotlineIsFound() {
        assertThat(CaseSearchTerms.of("广济路12号", "打了12345没人管", "")).contains(" 12 ", " 12345 ");
    }

    @Test
    void postgresIndexTermsAreBigramsOfTheTextAsWrittenAndWholeLatinRuns() {
        assertThat(CaseSearchTerms.indexTerms("广场舞扰民 水 KTV-12号，电话13912345678"))
                .containsExactly("广场", "场舞", "舞扰", "扰民", "水", "ktv", "12", "号", "电话");
        assertThat(CaseSearchTerms.indexTerms("夜間")).as("no 繁 → 简: the phrase check is literal")
                .containsExactly("夜間");
        assertThat(CaseSearchTerms.indexTerms("a".repeat(40))).containsExactly("a".repeat(32));
        assertThat(CaseSearchTerms.ofQuery("油烟 13912345678", true)).containsExactly("油烟");
    }
}
