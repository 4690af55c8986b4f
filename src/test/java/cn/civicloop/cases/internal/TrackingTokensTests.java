package cn.civicloop.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

/**
 * The resident's tracking code with a configured secret (no database), recomputed here from its definition: 64 bits
 * of HMAC-SHA256 of "code:" + the case number written in base 31 without look-alikes, grouped XXX-XXX-XXX; the
 * first version's code (15 bytes of the HMAC of the number, URL-safe Base64) still opens the case, exactly as typed;
 * the same for the same case and secret, different for another case or secret.
 */
class TrackingTokensTests {

    private static final String SECRET = "s3cret-of-the-tests-at-least-32-characters";

    private static TrackingTokens tokens(String secret) {
        return new TrackingTokens(null, new CasesProperties(null, secret, null, 730));
    }

    private static byte[] hmac(String secret, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theCodeIsTheHmacOfTheCaseNumberInBase31() throws Exception {
        long value = ByteBuffer.wrap(hmac(SECRET, "code:SZ-20261206-000001")).getLong();
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            if (i == 3 || i == 6) {
                expected.append('-');
            }
            expected.append(TrackingTokens.ALPHABET.charAt((int) Long.remainderUnsigned(value, 31)));
            value = Long.divideUnsigned(value, 31);
        }
        String token = tokens(SECRET).tokenFor("SZ-20261206-000001");
        assertThat(token).isEqualTo(expected.toString()).matches("[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}");
        assertThat(tokens(SECRET).tokenFor("SZ-20261206-000001")).as("the same again").isEqualTo(token);
        assertThat(tokens(SECRET).tokenFor("SZ-20261206-000002")).as("another case").isNotEqualTo(token);
        assertThat(tokens(SECRET + "x").tokenFor("SZ-20261206-000001")).as("another secret").isNotEqualTo(token);

        String legacy = Base64.getUrlEncoder().withoutPadding().encodeToString(
                Arrays.copyOf(hmac(SECRET, "SZ-20261206-000001"), 15));
        assertThat(tokens(SECRET).legacyTokenFor("SZ-20261206-000001")).isEqualTo(legacy).hasSize(20);
    }

    @Test
    void onlyTheWholeCodeOfThatCaseMatches() {
        TrackingTokens t = tokens(SECRET);
        String token = t.tokenFor("SZ-20261206-000001");
        String plain = token.replace("-", "");
        assertThat(t.matches("SZ-20261206-000001", token)).isTrue();
        assertThat(t.matches("SZ-20261206-000001", "  " + plain.toLowerCase() + "\n")).as("read out, small letters").isTrue();
        assertThat(t.matches("SZ-20261206-000002", token)).as("another case's number").isFalse();
        assertThat(t.matches("SZ-20261206-000001", plain.substring(0, 8))).as("cut short").isFalse();
        char last = plain.charAt(8);
        assertThat(t.matches("SZ-20261206-000001", plain.substring(0, 8) + (last == 'A' ? 'B' : 'A')))
                .as("one character changed").isFalse();
        String legacy = t.legacyTokenFor("SZ-20261206-000001");
        assertThat(t.matches("SZ-20261206-000001", legacy)).as("the first version's code").isTrue();
        assertThat(t.matches("SZ-20261206-000001", legacy.toLowerCase().equals(legacy) ? legacy.toUpperCase()
                : legacy.toLowerCase())).as("a first-version code is compared exactly").isFalse();
        assertThat(t.matches("SZ-20261206-000001", null)).isFalse();
        assertThat(t.matches("SZ-20261206-000001", " ")).isFalse();
    }
}
