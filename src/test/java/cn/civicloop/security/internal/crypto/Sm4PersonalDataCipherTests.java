package cn.civicloop.security.internal.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SM4-GCM sealing and HMAC-SM3 phone hashes, without the application. */
class Sm4PersonalDataCipherTests {

    private static final String K1 = "AAECAwQFBgcICQoLDA0ODw==";
    private static final String K2 = "EBESExQVFhcYGRobHB0eHw==";
    private static final String HASH = "MDEyMzQ1Njc4OWFiY2RlZg==";

    private static Sm4PersonalDataCipher cipher(String current, Map<String, String> keys, String hash) {
        return new Sm4PersonalDataCipher(new PersonalDataProperties(current, keys, hash, null, 100, Duration.ofMinutes(1)));
    }

    @Test
    void sealsWithARandomNonceAndOpensAgain() {
        var c = cipher("k1", Map.of("k1", K1), HASH);
        String a = c.seal("市中区光明路 12 号 张三 13812345678");
        String b = c.seal("市中区光明路 12 号 张三 13812345678");
        assertThat(a).startsWith("sm4:k1:").doesNotContain("13812345678").isNotEqualTo(b);
        assertThat(c.open(a)).isEqualTo("市中区光明路 12 号 张三 13812345678");
        assertThat(c.sealedWithCurrentKey(a)).isTrue();
        assertThat(c.open("13812345678")).as("a row from before sealing").isEqualTo("13812345678");
        assertThat(c.seal(null)).isNull();
    }

    @Test
    void matchesTheSm4ReferenceVector() {
        // GB/T 32907 example 1: key = plaintext = 0123456789abcdeffedcba9876543210 → 681edf34d206965e86b3e94f536e4246
        var engine = new org.bouncycastle.crypto.engines.SM4Engine();
        byte[] key = java.util.HexFormat.of().parseHex("0123456789abcdeffedcba9876543210");
        engine.init(true, new org.bouncycastle.crypto.params.KeyParameter(key));
        byte[] out = new byte[16];
        engine.processBlock(key, 0, out, 0);
        assertThat(java.util.HexFormat.of().formatHex(out)).isEqualTo("681edf34d206965e86b3e94f536e4246");
    }

    @Test
    void refusesATamperedValueOrOneMovedToAnotherKeyId() {
        var c = cipher("k1", Map.of("k1", K1, "k2", K1), HASH);
        String sealed = c.seal("13812345678");
        char[] chars = sealed.toCharArray();
        int i = chars.length - 5;
        chars[i] = chars[i] == 'A' ? 'B' : 'A';
        assertThatThrownBy(() -> c.open(new String(chars))).isInstanceOf(IllegalStateException.class);
        // same key bytes under another id: the key id is authenticated data, so the relabelled value fails
        assertThatThrownBy(() -> c.open(sealed.replace("sm4:k1:", "sm4:k2:"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void opensValuesOfAnOlderKeyAfterARotation() {
        String old = cipher("k1", Map.of("k1", K1), HASH).seal("王五");
        var rotated = cipher("k2", Map.of("k1", K1, "k2", K2), HASH);
        assertThat(rotated.open(old)).isEqualTo("王五");
        assertThat(rotated.sealedWithCurrentKey(old)).isFalse();
        assertThat(rotated.seal("王五")).startsWith("sm4:k2:");
        assertThatThrownBy(() -> cipher("k2", Map.of("k2", K2), HASH).open(old))
                .hasMessageContaining("not configured");
    }

    @Test
    void hashesAPhoneByItsDigitsWithTheKey() {
        var c = cipher("k1", Map.of("k1", K1), HASH);
        assertThat(c.phoneHash("138 1234 5678")).isEqualTo(c.phoneHash("+86 138-1234-5678"))
                .isEqualTo(c.phoneHash("13812345678")).hasSize(64);
        assertThat(c.phoneHash("13812345679")).isNotEqualTo(c.phoneHash("13812345678"));
        var otherKey = cipher("k1", Map.of("k1", K1), Base64.getEncoder().encodeToString(new byte[16]));
        assertThat(otherKey.phoneHash("13812345678")).isNotEqualTo(c.phoneHash("13812345678"));
        assertThat(c.phoneHash("无")).isNull();
    }

    @Test
    void refusesMissingOrShortKeysAndReadsAKeyFile(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> cipher("k9", Map.of("k1", K1), HASH)).hasMessageContaining("current-key");
        assertThatThrownBy(() -> cipher("k1", Map.of("k1", "AAEC"), HASH)).hasMessageContaining("16 bytes");
        assertThatThrownBy(() -> cipher("k1", Map.of("k1", K1), "AAEC")).hasMessageContaining("hash-key");
        Path file = dir.resolve("keys.properties");
        Files.writeString(file, "current-key=f2\nkey.f2=" + K2 + "\nhash-key=" + HASH + "\n");
        var fromFile = new Sm4PersonalDataCipher(new PersonalDataProperties("", Map.of(), "", file, 100,
                Duration.ofMinutes(1)));
        assertThat(fromFile.seal("x")).startsWith("sm4:f2:");
    }
}
