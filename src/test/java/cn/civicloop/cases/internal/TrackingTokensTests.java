package cn.civicloop.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

/**
 * The resident's tracking token with a configured secret (no database): the first 15 bytes of HMAC-SHA256 of the
 * case number, URL-safe; the same for the same case and secret, different for another case or secret; compared
 * whole, with only surrounding spaces forgiven.
 */
class TrackingTokensTests {

    private static TrackingTokens tokens(String secret) {
        return new TrackingTokens(null, new CasesProperties(null, secret, null));
    }

    @Test
    void theTokenIsTheCutHmacOfTheCaseNumber() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("s3cret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = Base64.getUrlEncoder().withoutPadding().encodeToString(
                Arrays.copyOf(mac.doFinal("SZ-20261206-000001".getBytes(StandardCharsets.UTF_8)), 15));
        String token = tokens("s3cret").tokenFor("SZ-20261206-000001");
        assertThat(token).isEqualTo(expected).hasSize(20).matches("[A-Za-z0-9_-]{20}");
        assertThat(tokens("s3cret").tokenFor("SZ-20261206-000001")).as("the same again").isEqualTo(token);
        assertThat(tokens("s3cret").tokenFor("SZ-20261206-000002")).as("another case").isNotEqualTo(token);
        assertThat(tokens("other").tokenFor("SZ-20261206-000001")).as("another secret").isNotEqualTo(token);
    }

    @Test
    void onlyTheWholeTokenOfThatCaseMatches() {
        TrackingTokens t = tokens("s3cret");
        String token = t.tokenFor("SZ-20261206-000001");
        assertThat(t.matches("SZ-20261206-000001", token)).isTrue();
        assertThat(t.matches("SZ-20261206-000001", "  " + token + "\n")).as("spaces around").isTrue();
        assertThat(t.matches("SZ-20261206-000002", token)).as("another case's number").isFalse();
        assertThat(t.matches("SZ-20261206-000001", token.substring(0, 19))).as("cut short").isFalse();
        char last = token.charAt(19);
        assertThat(t.matches("SZ-20261206-000001", token.substring(0, 19) + (last == 'A' ? 'B' : 'A')))
                .as("one character changed").isFalse();
        assertThat(t.matches("SZ-20261206-000001", null)).isFalse();
        assertThat(t.matches("SZ-20261206-000001", " ")).isFalse();
    }
}
