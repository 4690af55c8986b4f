package cn.civicloop.cases.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.civicloop.dispatch.DemoBlocks;
import cn.civicloop.shared.PersonalDataCipher;
import cn.civicloop.support.ApiTest;

/**
 * PIPL: the centre's operator exports what is held about a phone (cases, reporters, outbox, 110 callers), found by
 * the keyed hash; the export is audited with the hash, never the number; other roles are refused. A staff search of
 * the case list by phone is audited too.
 */
class PersonalDataExportApiTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PersonalDataCipher cipher;

    private static String phone() {
        return "139" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
    }

    private String caseOf(String title, String phone) {
        var a = appeal(title);
        a.put("contact", Map.of("name", "欧阳修", "phone", phone));
        return submit(a).text("number");
    }

    private long audited(String action, String target) {
        return jdbc.sql("select count(*) from security_audit_log where action = ? and target = ?")
                .params(action, target).query(Long.class).single();
    }

    @Test
    void theOperatorGetsTheCasesAndCallsOfThatPhoneAndNotAnothersAndTheExportIsAuditedByHash() {
        String mine = phone();
        String other = phone();
        String myCase = caseOf("小区门口积水", mine);
        String otherCase = caseOf("小区门口积水二", other);
        var b1 = DemoBlocks.block(api, "B1");
        // 450 m from the post, not at it: this incident stays open, and a desk test calling at the post would join it
        Map<String, Object> call = new HashMap<>(Map.of("type", "THEFT", "summary", "电动车被盗", "address", "测试地址",
                "lat", b1.get("postLat").asDouble() + 0.004, "lon", b1.get("postLon").asDouble(), "callerName", "欧阳修", "callerPhone", mine));
        var entered = api.post("/api/v1/dispatch/incidents", api.login("police-desk"), call);
        assertThat(entered.status()).as(entered.body()).isEqualTo(200);
        String incident = entered.json().get("incident").get("number").asString();

        String token = api.login("operator");
        var held = api.post("/api/v1/personal-data/lookup", token, Map.of("phone", mine));
        assertThat(held.status()).as(held.body()).isEqualTo(200);
        assertThat(held.body()).contains(myCase, incident, mine, "欧阳修", "cases_case", "dispatch_incident")
                .doesNotContain(otherCase, other);
        String hash = cipher.phoneHash(mine);
        assertThat(held.text("phoneHash")).isEqualTo(hash);
        assertThat(audited("PERSONAL_DATA_EXPORT", "phone hash " + hash)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from security_audit_log where target like ? or detail like ?")
                .params("%" + mine + "%", "%" + mine + "%").query(Long.class).single())
                .as("the number itself is never in the audit").isZero();

        var csv = api.post("/api/v1/personal-data/export", token, Map.of("phone", mine));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).contains(myCase, mine).doesNotContain(otherCase);
        assertThat(audited("PERSONAL_DATA_EXPORT", "phone hash " + hash)).isEqualTo(2);
    }

    @Test
    void rolesOutsideTheCentresOperatorAreRefusedAndNothingIsAudited() {
        String mine = phone();
        caseOf("噪音扰民", mine);
        for (String user : new String[] { "admin", "secadmin", "auditor", "dispatcher", "zfj", "police-desk" }) {
            assertThat(api.post("/api/v1/personal-data/lookup", api.login(user), Map.of("phone", mine)).status())
                    .as(user).isEqualTo(403);
            assertThat(api.post("/api/v1/personal-data/export", api.login(user), Map.of("phone", mine)).status())
                    .as(user).isEqualTo(403);
        }
        assertThat(audited("PERSONAL_DATA_EXPORT", "phone hash " + cipher.phoneHash(mine))).isZero();
        assertThat(api.post("/api/v1/personal-data/lookup", api.login("operator"), Map.of("phone", "")).status())
                .as("no phone: a problem, not an empty export").isEqualTo(422);
    }

    @Test
    void aStaffSearchOfTheCaseListByPhoneIsAuditedWithTheHashAndATitleSearchIsNot() {
        String mine = phone();
        String number = caseOf("垃圾清运不及时", mine);
        String hash = cipher.phoneHash(mine);
        String token = api.login("dispatcher");

        assertThat(api.get("/api/v1/cases?q=" + mine, token).body()).contains(number);
        assertThat(audited("PERSONAL_DATA_SEARCH", "phone hash " + hash)).isEqualTo(1);
        assertThat(jdbc.sql("select actor from security_audit_log where action = 'PERSONAL_DATA_SEARCH' "
                + "and target = ?").param("phone hash " + hash).query(String.class).single()).isEqualTo("dispatcher");

        long before = jdbc.sql("select count(*) from security_audit_log where action = 'PERSONAL_DATA_SEARCH'")
                .query(Long.class).single();
        api.get("/api/v1/cases?q=" + java.net.URLEncoder.encode("垃圾", java.nio.charset.StandardCharsets.UTF_8), token);
        assertThat(jdbc.sql("select count(*) from security_audit_log where action = 'PERSONAL_DATA_SEARCH'")
                .query(Long.class).single()).as("a search by title is no search by phone").isEqualTo(before);
    }
}
