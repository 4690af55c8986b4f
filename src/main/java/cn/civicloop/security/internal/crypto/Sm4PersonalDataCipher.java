package cn.civicloop.security.internal.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.civicloop.shared.PersonalDataCipher;

/**
 * SM4 in GCM mode (96-bit random nonce, 128-bit tag, the key id as associated data, so a value cannot be passed off
 * as sealed under another key) and HMAC-SM3 for phone lookups, with Bouncy Castle's lightweight API (no JCA provider
 * registered). Keys are read once at start from the configuration or the key file; none is ever written anywhere.
 */
@Component
class Sm4PersonalDataCipher implements PersonalDataCipher {

    private static final Logger log = LoggerFactory.getLogger(Sm4PersonalDataCipher.class);
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    /** The keys in application.yml, published with the code: fine for the demo, refused nowhere but warned about. */
    static final String DEMO_KEY_ID = "demo-1";

    private final SecureRandom random = new SecureRandom();
    private final String currentId;
    private final Map<String, KeyParameter> keys = new LinkedHashMap<>();
    private final byte[] hashKey;
    private final String currentPrefix;

    Sm4PersonalDataCipher(PersonalDataProperties properties) {
        Map<String, String> configured = new LinkedHashMap<>(properties.keys());
        String current = properties.currentKey();
        String hash = properties.hashKey();
        if (properties.keyFile() != null) {
            Properties file = new Properties();
            try (InputStream in = Files.newInputStream(properties.keyFile())) {
                file.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the personal-data key file " + properties.keyFile(), e);
            }
            current = file.getProperty("current-key", current);
            hash = file.getProperty("hash-key", hash);
            for (String name : file.stringPropertyNames()) {
                if (name.startsWith("key.")) {
                    configured.put(name.substring(4), file.getProperty(name));
                }
            }
        }
        for (var e : configured.entrySet()) {
            if (!e.getKey().matches("[A-Za-z0-9_-]{1,16}")) {
                throw new IllegalStateException("personal-data key id must be 1-16 letters, digits, - or _: " + e.getKey());
            }
            byte[] key = Base64.getDecoder().decode(e.getValue().strip());
            if (key.length != 16) {
                throw new IllegalStateException("personal-data key " + e.getKey() + " must be 16 bytes (SM4), is "
                        + key.length);
            }
            keys.put(e.getKey(), new KeyParameter(key));
        }
        if (current == null || !keys.containsKey(current)) {
            throw new IllegalStateException("civicloop.security.personal-data.current-key '" + current
                    + "' names no configured key (keys: " + keys.keySet() + ")");
        }
        this.currentId = current;
        this.currentPrefix = PREFIX + current + ":";
        this.hashKey = hash == null || hash.isBlank() ? new byte[0] : Base64.getDecoder().decode(hash.strip());
        if (hashKey.length < 16) {
            throw new IllegalStateException("civicloop.security.personal-data.hash-key must hold at least 16 bytes "
                    + "(base64)");
        }
        if (DEMO_KEY_ID.equals(currentId)) {
            log.warn("Personal data is sealed with the published demo key '{}': give production its own keys "
                    + "(civicloop.security.personal-data.key-file, docs/security.md)", DEMO_KEY_ID);
        }
    }

    @Override
    public String seal(String clear) {
        if (clear == null || clear.isBlank()) {
            return clear;
        }
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        byte[] plain = clear.getBytes(StandardCharsets.UTF_8);
        GCMModeCipher gcm = gcm(true, keys.get(currentId), nonce, currentId);
        byte[] out = new byte[NONCE + gcm.getOutputSize(plain.length)];
        System.arraycopy(nonce, 0, out, 0, NONCE);
        int n = gcm.processBytes(plain, 0, plain.length, out, NONCE);
        try {
            gcm.doFinal(out, NONCE + n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException(e);
        }
        return currentPrefix + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    }

    @Override
    public String open(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        int colon = stored.indexOf(':', PREFIX.length());
        if (colon < 0) {
            throw new IllegalStateException("malformed sealed value");
        }
        String id = stored.substring(PREFIX.length(), colon);
        KeyParameter key = keys.get(id);
        if (key == null) {
            throw new IllegalStateException("personal data sealed under key '" + id + "', which is not configured");
        }
        byte[] in = Base64.getUrlDecoder().decode(stored.substring(colon + 1));
        if (in.length < NONCE + TAG_BITS / 8) {
            throw new IllegalStateException("malformed sealed value");
        }
        byte[] nonce = java.util.Arrays.copyOf(in, NONCE);
        GCMModeCipher gcm = gcm(false, key, nonce, id);
        byte[] plain = new byte[gcm.getOutputSize(in.length - NONCE)];
        int n = gcm.processBytes(in, NONCE, in.length - NONCE, plain, 0);
        try {
            n += gcm.doFinal(plain, n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("sealed personal data failed its integrity check (key " + id + ")", e);
        }
        return new String(plain, 0, n, StandardCharsets.UTF_8);
    }

    @Override
    public String phoneHash(String phone) {
        String digits = digits(phone);
        if (digits == null) {
            return null;
        }
        HMac mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(hashKey));
        byte[] in = digits.getBytes(StandardCharsets.US_ASCII);
        mac.update(in, 0, in.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }

    @Override
    public boolean sealedWithCurrentKey(String stored) {
        return stored != null && stored.startsWith(currentPrefix);
    }

    String currentKeyId() {
        return currentId;
    }

    /** The digits of a phone number, without a leading 86 (or 0086) before a mobile number. */
    static String digits(String phone) {
        if (phone == null) {
            return null;
        }
        String d = phone.replaceAll("[^0-9]", "");
        if (d.isEmpty()) {
            return null;
        }
        if (d.length() == 15 && d.startsWith("0086")) {
            d = d.substring(4);
        } else if (d.length() == 13 && d.startsWith("86")) {
            d = d.substring(2);
        }
        return d;
    }

    private static GCMModeCipher gcm(boolean encrypt, KeyParameter key, byte[] nonce, String keyId) {
        GCMModeCipher gcm = GCMBlockCipher.newInstance(new SM4Engine());
        gcm.init(encrypt, new AEADParameters(key, TAG_BITS, nonce, (PREFIX + keyId).getBytes(StandardCharsets.US_ASCII)));
        return gcm;
    }
}
