package cn.civicloop.opinion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.civicloop.shared.PersonalDataCipher;
import cn.civicloop.support.ApiTest;

/** A push source's secret is stored sealed with the personal-data cipher, and pushes signed with it still pass. */
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
}
