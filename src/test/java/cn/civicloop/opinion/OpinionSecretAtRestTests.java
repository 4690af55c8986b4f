package cn.civicloop.opinion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.civicloop.shared.PersonalDataCipher;
import cn.civicloop.support.ApiTest;

/**
 * What online opinion keeps at rest: a push source's secret sealed with the personal-data cipher (pushes signed with
 * it still pass), and no phone number a resident wrote into a case's title copied into the topic's case list.
 */
class OpinionSecretAtRestTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PersonalDataCipher cipher;

    @Test
    void thePushSecretIsSealedAtRestAndStillVerifiesPushes() {
        String code = "sealed-" + Long.toString(System.nanoTime(), 36);
        String secret = api.post("/api/v1/opinion/sources", api.login("opinion"),
                Map.of("code", code, "name", "密钥测试" + code, "kind", "PUSH")).json().get("secret").asString();

        String stored = jdbc.sql("select push_secret from opinion_source where code = ?").param(code)
                .query(String.class).single();
        assertThat(stored).startsWith(PersonalDataCipher.PREFIX).doesNotContain(secret);
        assertThat(cipher.open(stored)).isEqualTo(secret);

        // a push signed with a secret given at registration is verified against its sealed copy
        String topic = OpinionResponseApiTests.pushTopic(api, OpinionResponseApiTests.unique() + "密钥验证", 1);
        assertThat(topic).isNotBlank();
    }

    @Test
    void aPhoneNumberInACaseTitleIsNotCopiedIntoTheTopics() {
        String number = submit(appeal(OpinionResponseApiTests.unique() + "井盖缺失请回电13912340077")).text("number");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from opinion_case where case_number = ?").param(number).query(Long.class).single() > 0);
        String copied = jdbc.sql("select title from opinion_case where case_number = ?").param(number)
                .query(String.class).single();
        assertThat(copied).contains("井盖缺失请回电").doesNotContain("13912340077").doesNotContainPattern("\\d{7,}");
    }
}
