package cn.civicloop.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.civicloop.cases.AppealKind;
import cn.civicloop.cases.CaseStatus;
import cn.civicloop.cases.Channel;
import cn.civicloop.cases.Urgency;
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
        Case c = new Case();
        c.number = "SZ-20261207-" + (700000 + SEQUENCE.incrementAndGet());
        c.status = CaseStatus.SUBMITTED;
        c.channel = Channel.WEBSITE;
        c.kind = AppealKind.COMPLAINT;
        c.urgency = Urgency.NORMAL;
        c.title = title;
        c.content = title + "，已经持续一周，请尽快处理。";
        c.address = "市中区广济路12号";
        c.contactName = "张三丰";
        c.contactPhone = "13812345678";
        c.createdAt = Instant.parse("2026-12-07T01:00:00Z");
        c.updatedAt = c.createdAt;
        c.dueAt = c.createdAt.plusSeconds(86_400);
        cases.insert(c);
        return c.number;
    }

    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 100_000));

    private Map<String, Object> derived(String number) {
        // PostgreSQL stores no terms: its index holds the function's terms of the columns as they are (ADR 0056)
        String terms = plans.postgres() ? "array_to_string(cases_text_terms(title, content, reply_text), ' ')"
                : "search_terms";
        return jdbc.sql("select address, contact_name, contact_phone, contact_phone_hash, " + terms
                + " as search_terms from cases_case where number = ?").param(number).query().singleRow();
    }
}
