package cn.civicloop.board.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.civicloop.cases.Channel;
import cn.civicloop.support.ApiTest;

/** The withheld rules are data: every keyword of the table withholds, police channels always do, others do not. */
class WithheldRulesTests extends ApiTest {

    @Autowired
    WithheldRules rules;
    @Autowired
    JdbcClient jdbc;

    @Test
    void everyKeywordOfTheListWithholdsByCategoryAndByTitle() {
        List<String> keywords = jdbc.sql("select keyword from board_withheld_keyword").query(String.class).list();
        assertThat(keywords).contains("纪委", "邻里纠纷", "家庭纠纷", "110");
        for (String k : keywords) {
            assertThat(rules.reason(Channel.WEBSITE, k, "路灯不亮")).as(k).isPresent();
            assertThat(rules.reason(Channel.WEBSITE, null, "关于" + k + "的诉求")).as(k).isPresent();
        }
        assertThat(rules.reason(Channel.WEBSITE, "家庭纠纷", "x")).contains(WithheldRules.Reason.DISPUTE);
        assertThat(rules.reason(Channel.WEBSITE, "纪检监察", "x")).contains(WithheldRules.Reason.DISCIPLINE);
    }

    @Test
    void policeChannelsAreWithheldWhateverTheCategory() {
        for (Channel c : WithheldRules.POLICE_CHANNELS) {
            assertThat(rules.reason(c, "市容环境", "路灯不亮")).contains(WithheldRules.Reason.POLICE_CHANNEL);
        }
        assertThat(rules.reason(Channel.HOTLINE_12345, "市容环境", "路灯不亮")).isEmpty();
    }

    @Test
    void theAnonymiserBlanksNamesPhonesAndHouseNumbers() {
        String s = Anonymiser.scrub("王建国说：光明路18号3单元502室漏水，电话 139-1234-5678，王先生很着急", "王建国",
                "13912345678", null);
        assertThat(s).doesNotContain("王建国").doesNotContain("18号").doesNotContain("502室").doesNotContain("5678")
                .doesNotContain("王先生").contains("光明路");
        // a name the board was not given: blanked when HanLP recognises it
        assertThat(Anonymiser.scrub("王建国师傅已到场处理", null, null, null)).doesNotContain("王建国");
        assertThat(Anonymiser.salutation("刘女士")).isEqualTo(Anonymiser.Salutation.MS);
        assertThat(Anonymiser.salutation("刘先生")).isEqualTo(Anonymiser.Salutation.MR);
        assertThat(Anonymiser.salutation("刘备")).isEqualTo(Anonymiser.Salutation.RESIDENT);
    }
}
