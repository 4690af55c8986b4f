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
}
