package cn.civicloop.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The residents' tracking codes: readable alphabet, entropy, forgiving input, and the first version's codes. */
class TrackingCodesTests {

    private static final String SECRET = "a-test-tracking-secret-of-32-chars";

    private final TrackingTokens tokens = new TrackingTokens(null, new CasesProperties(
            new CasesProperties.Numbers("SZ", 20), SECRET, new CasesProperties.Attachments(9, DataSize.ofMegabytes(5)), 730));

    @Test
    void codesAreNineCharactersWithoutLookAlikesAndCarryAtLeastFortyBits() {
        assertThat(TrackingTokens.ALPHABET).hasSize(TrackingTokens.ALPHABET_SIZE).doesNotContain("0", "O", "1", "I", "L");
        assertThat(TrackingTokens.ALPHABET.chars().distinct().count()).isEqualTo(TrackingTokens.ALPHABET_SIZE);
        double bits = TrackingTokens.LENGTH * Math.log(TrackingTokens.ALPHABET_SIZE) / Math.log(2);
        assertThat(bits).isGreaterThanOrEqualTo(40.0);

        Map<Character, Integer> uses = new HashMap<>();
        Set<String> codes = new HashSet<>();
        int n = 31_000;
        for (int i = 0; i < n; i++) {
            String code = tokens.tokenFor(String.format("SZ-20261206-%06d", i));
            assertThat(code).matches("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{3}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{3}"
                    + "-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{3}");
            codes.add(code);
            code.replace("-", "").chars().forEach(c -> uses.merge((char) c, 1, Integer::sum));
        }
        assertThat(codes).as("no two of %d cases share a code", n).hasSize(n);
        // every symbol is used, evenly: expected 9,000 uses each (9 × 31,000 / 31); 6 standard deviations allowed
        assertThat(uses).hasSize(TrackingTokens.ALPHABET_SIZE);
        assertThat(uses.values()).allSatisfy(count -> assertThat(count).isBetween(9_000 - 570, 9_000 + 570));
    }

    @Test
    void aCodeMayBeTypedInSmallLettersWithoutHyphensWithSpacesOrFullWidth() {
        String number = "SZ-20261206-000042";
        String code = tokens.tokenFor(number);
        String plain = code.replace("-", "");
        assertThat(tokens.matches(number, code)).isTrue();
        assertThat(tokens.matches(number, code.toLowerCase(Locale.ROOT))).isTrue();
        assertThat(tokens.matches(number, plain)).isTrue();
        assertThat(tokens.matches(number, "  " + plain.substring(0, 4) + " " + plain.substring(4) + " ")).isTrue();
        assertThat(tokens.matches(number, plain.substring(0, 4) + "－" + plain.substring(4))).isTrue();
        StringBuilder fullWidth = new StringBuilder();
        plain.chars().forEach(c -> fullWidth.append((char) (c + 0xFEE0)));
        assertThat(tokens.matches(number, fullWidth.toString())).isTrue();
    }

    @Test
    void aWrongCodeOrAnotherCasesCodeDoesNotMatch() {
        String number = "SZ-20261206-000042";
        String code = tokens.tokenFor(number);
        char last = code.charAt(code.length() - 1);
        char other = TrackingTokens.ALPHABET.charAt((TrackingTokens.ALPHABET.indexOf(last) + 1) % TrackingTokens.ALPHABET_SIZE);
        assertThat(tokens.matches(number, code.substring(0, code.length() - 1) + other)).isFalse();
        assertThat(tokens.matches(number, code.replace("-", "").substring(1))).isFalse();
        assertThat(tokens.matches(number, tokens.tokenFor("SZ-20261206-000043"))).isFalse();
        assertThat(tokens.matches(number, "")).isFalse();
        assertThat(tokens.matches(number, null)).isFalse();
    }

    /** Residents who were given a 20-character code before keep their access: computed here as it was then. */
    @Test
    void theFirstVersionsTwentyCharacterCodesStillOpenTheirCase() throws Exception {
        String number = "SZ-20261125-000123";
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String old = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Arrays.copyOf(mac.doFinal(number.getBytes(StandardCharsets.UTF_8)), 15));
        assertThat(old).hasSize(20);
        assertThat(tokens.matches(number, old)).isTrue();
        assertThat(tokens.matches(number, " " + old + " ")).isTrue();
        // still case-sensitive, as it always was: another spelling is another code
        String flipped = old.chars().anyMatch(Character::isLowerCase) ? old.toUpperCase(Locale.ROOT) : old.toLowerCase(Locale.ROOT);
        assertThat(tokens.matches(number, flipped)).isFalse();
        assertThat(tokens.matches("SZ-20261125-000124", old)).isFalse();
    }
}
