package cn.civicloop.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.civicloop.support.ApiTest;

/**
 * A case's row is written again at every step; its derived columns (the sealed personal data and the search terms)
 * are made again only when what they come from changed, and then always.
 */
class CaseRowUpdatesTests extends ApiTest {

    @Autowired
    Cases cases;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PinnedPlans plans;

    @Test
    void aStepThatChangesNoSourceKeepsTheDerivedColumnsAndAChangedSourceRemakesThem() {
        String number = stored("路灯不亮很久了");
        Map<String, Object> before = derived(number);

        Case c = cases.byNumber(number).orElseThrow();
        c.category = "市政设施";
        cases.update(c);
        assertThat(derived(number)).isEqualTo(before);

        c.replyText = "已更换灯泡";
        cases.update(c);
        assertThat((String) derived(number).get("search_terms")).contains("灯泡");
        assertThat(cases.byNumber(number).orElseThrow().contactPhone).as("sealed again, same phone")
                .isEqualTo("13812345678");

        c.contactPhone = "13900001111";
        cases.update(c);
        assertThat(derived(number).get("contact_phone_hash")).isNotEqualTo(before.get("contact_phone_hash"));
        assertThat(cases.byNumber(number).orElseThrow().contactPhone).isEqualTo("13900001111");
        assertThat(cases.byNumber(number).orElseThrow().category).isEqualTo("市政设施");
    }

    @Test
    void aCaseNotReadFromTheRowWritesEveryColumn() {
        String number = stored("井盖丢失");
        Case c = cases.byNumber(number).orElseThrow();
        c.stored = null;
        c.contactName = "李四";
        c.title = "井盖丢失，路人易摔倒";
        cases.update(c);
        assertThat((String) derived(number).get("search_terms")).contains("路人");
        assertThat(cases.byNumber(number).orElseThrow().contactName).isEqualTo("李四");
    }

    /** A case written straight to its table: no event, so no triage changes it meanwhile. */
    private String stored(String title) {
        return StoredCases.stored(cases, title, c -> { });
    }


    private Map<String, Object> derived(String number) {
        // PostgreSQL stores no terms: its index holds the function's terms of the columns as they are (ADR 0056)
        String terms = plans.postgres() ? "array_to_string(cases_text_terms(title, content, reply_text), ' ')"
                : "search_terms";
        return jdbc.sql("select address, contact_name, contact_phone, contact_phone_hash, " + terms
                + " as search_terms from cases_case where number = ?").param(number).query().singleRow();
    }
}
