package cn.civicloop.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.civicloop.support.ApiTest;
import cn.civicloop.support.PageSession;

/**
 * PIPL: the resident erases his contact data from the public track page (confirmed, readable in zh and en), and both
 * his erasure and the masking at the end of the retention period are in the audit log (who, what, when).
 */
class PersonalDataAuditApiTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PersonalDataRetention retention;

    private Map<String, Object> auditRow(String action, String target) {
        var rows = jdbc.sql("select actor, action, target, outcome, detail, occurred_at from security_audit_log "
                + "where action = ? and target = ? order by seq desc").params(action, target).query().listOfRows();
        assertThat(rows).as(action + " for " + target).hasSize(1);
        return rows.get(0);
    }

    @Test
    void theResidentErasesHisContactOnTheTrackPageAfterConfirmingAndItIsAudited() {
        var opened = submit(appeal("楼道灯坏了"));
        String number = opened.text("number");
        String code = opened.text("trackingToken");
        PageSession page = PageSession.anonymous(port());
        page.get("/track");
        String shown = page.post("/track", Map.of("number", number, "token", code)).body();
        assertThat(shown).contains("id=\"erase-form\"").contains("删除我的联系方式");

        String unconfirmed = page.post("/track/erase-contact", Map.of("number", number, "token", code)).body();
        assertThat(unconfirmed).contains("请先勾选确认");
        assertThat(jdbc.sql("select personal_data_masked_at from cases_case where number = ?").param(number)
                .query().singleRow().get("personal_data_masked_at")).as("nothing erased unconfirmed").isNull();

        var done = page.post("/track/erase-contact?lang=en",
                Map.of("number", number, "token", code, "confirm", "yes"));
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("Your contact data has been erased from this case");
        assertThat(jdbc.sql("select contact_phone from cases_case where number = ?").param(number)
                .query(String.class).single()).isEqualTo("138****5678");

        var row = auditRow("PERSONAL_DATA_ERASED", "case " + number);
        assertThat(row.get("actor")).isEqualTo("RESIDENT");
        assertThat(row.get("outcome")).isEqualTo("OK");
        assertThat((String) row.get("detail")).contains("resident's request").doesNotContain("13812345678");
        assertThat(row.get("occurred_at")).isNotNull();
    }

    @Test
    void aWrongCodeErasesNothingAndIsNotRecordedAsAnErasure() {
        String number = submit(appeal("井盖松动")).text("number");
        PageSession page = PageSession.anonymous(port());
        page.get("/track");
        var answer = page.post("/track/erase-contact",
                Map.of("number", number, "token", "wrong-code-wrong-code", "confirm", "yes"));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("工单号或查询码不正确").doesNotContain("id=\"erase-done\"");
        assertThat(jdbc.sql("select count(*) from security_audit_log where action = 'PERSONAL_DATA_ERASED' "
                + "and target = ?").param("case " + number).query(Long.class).single()).isZero();
    }

    @Test
    void theApiErasureIsAuditedAsTheResident() {
        var opened = submit(appeal("路灯不亮"));
        String number = opened.text("number");
        var erased = api.post("/api/v1/public/cases/" + number + "/erase-contact", null, Map.of(),
                Map.of("X-Tracking-Token", opened.text("trackingToken")));
        assertThat(erased.status()).isEqualTo(200);
        assertThat(auditRow("PERSONAL_DATA_ERASED", "case " + number).get("actor")).isEqualTo("RESIDENT");
    }

    @Test
    void maskingAtTheEndOfTheRetentionPeriodIsAuditedPerCaseBySystem() {
        String old = submit(appeal("违章停车")).text("number");
        String recent = submit(appeal("违章停车二")).text("number");
        jdbc.sql("update cases_case set status = 'CLOSED', closed_at = current_timestamp - interval '900' day "
                + "where number = ?").param(old).update();

        assertThat(retention.maskExpired()).isPositive();

        var row = auditRow("PERSONAL_DATA_MASKED", "case " + old);
        assertThat(row.get("actor")).isEqualTo("system");
        assertThat((String) row.get("detail")).contains("retention period");
        assertThat(jdbc.sql("select count(*) from security_audit_log where action = 'PERSONAL_DATA_MASKED' "
                + "and target = ?").param("case " + recent).query(Long.class).single()).isZero();
    }
}
