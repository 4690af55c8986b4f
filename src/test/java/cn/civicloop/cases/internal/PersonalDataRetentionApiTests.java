package cn.civicloop.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.civicloop.support.ApiTest;

/**
 * PIPL: the contact data of a case closed longer than the retention period is masked for good while the case stays;
 * a resident erases his contact data with number and tracking code; both are on the timeline.
 */
class PersonalDataRetentionApiTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PersonalDataRetention retention;

    @Test
    void aCaseClosedLongerThanTheRetentionPeriodKeepsOnlyMaskedContactData() {
        var a = appeal("广场噪音扰民");
        a.put("contact", Map.of("name", "司马相如", "phone", "13566667777"));
        String old = submit(a).text("number");
        String recent = submit(appeal("广场噪音扰民二")).text("number");
        jdbc.sql("update cases_case set status = 'CLOSED', closed_at = current_timestamp - interval '800' day "
                + "where number = ?").param(old).update();
        jdbc.sql("update cases_case set status = 'CLOSED', closed_at = current_timestamp - interval '10' day "
                + "where number = ?").param(recent).update();

        assertThat(retention.maskExpired()).isPositive();

        var row = jdbc.sql("select contact_name, contact_phone, address, contact_phone_hash, personal_data_masked_at "
                + "from cases_case where number = ?").param(old).query().singleRow();
        assertThat(row.get("contact_name")).isEqualTo("司***");
        assertThat(row.get("contact_phone")).isEqualTo("135****7777");
        assertThat((String) row.get("address")).endsWith("***").doesNotContain("君山东路");
        assertThat(row.get("contact_phone_hash")).isNull();
        assertThat(row.get("personal_data_masked_at")).isNotNull();
        // the first reporter holds no copy of the contact (ADR 0059): his is the case's, masked with it
        assertThat(jdbc.sql("select r.contact_phone from cases_reporter r join cases_case c on c.id = r.case_id "
                + "where c.number = ?").param(old).query(String.class).list()).containsOnly((String) null);
        String token = api.login("dispatcher");
        var shown = api.get("/api/v1/cases/" + old, token);
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.json().get("reporters").get(0).get("contactPhone").asString()).isEqualTo("135****7777");
        assertThat(shown.body()).doesNotContain("13566667777");
        assertThat(api.get("/api/v1/cases/" + old + "/timeline", token).body())
                .as("the masking is stored as its step, worded by the page").contains("RETENTION_MASKED[]");
        assertThat(api.get("/api/v1/cases?q=13566667777", token).body()).doesNotContain(old);
        // the recent one is untouched and opens in full
        assertThat(api.get("/api/v1/cases/" + recent, token).body()).contains("13812345678");
        assertThat(retention.maskExpired()).as("nothing left").isZero();
    }

    @Test
    void aResidentErasesHisContactDataWithNumberAndCode() {
        var opened = submit(appeal("路面坑洼"));
        String number = opened.text("number");
        String code = opened.text("trackingToken");

        var refused = api.post("/api/v1/public/cases/" + number + "/erase-contact", null, Map.of(),
                Map.of("X-Tracking-Token", "wrong-code-wrong-code"));
        assertThat(refused.status()).isEqualTo(404);
        var erased = api.post("/api/v1/public/cases/" + number + "/erase-contact", null, Map.of(),
                Map.of("X-Tracking-Token", code));

        assertThat(erased.status()).isEqualTo(200);
        String stored = jdbc.sql("select contact_phone from cases_case where number = ?").param(number)
                .query(String.class).single();
        assertThat(stored).isEqualTo("138****5678");
        String token = api.login("dispatcher");
        assertThat(api.get("/api/v1/cases/" + number, token).body()).doesNotContain("13812345678", "张三丰");
        assertThat(api.get("/api/v1/cases/" + number + "/timeline", token).body()).contains("CONTACT_ERASED[]");
    }
}
