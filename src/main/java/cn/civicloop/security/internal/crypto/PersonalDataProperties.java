package cn.civicloop.security.internal.crypto;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Keys and batch of personal data at rest ({@code civicloop.security.personal-data.*}, docs/security.md).
 *
 * @param currentKey     id of the key every new value is sealed with
 * @param keys           key id → SM4 key, 16 bytes in base64; keep an old key until the batch reports nothing left
 *                       under it
 * @param hashKey        key of the phone hashes (HMAC-SM3), at least 16 bytes in base64; changing it means
 *                       recomputing every hash (the batch does that only for missing hashes)
 * @param keyFile        a Java properties file read at start (current-key, key.&lt;id&gt;, hash-key); what it
 *                       holds replaces the values above. Keep it readable by the application's user only
 * @param batchSize      rows sealed or re-sealed per transaction
 * @param resealInterval pause between two runs of the batch (db-scheduler, one instance at a time)
 */
@ConfigurationProperties("civicloop.security.personal-data")
@Validated
public record PersonalDataProperties(@DefaultValue("") String currentKey, @DefaultValue Map<String, String> keys,
        @DefaultValue("") String hashKey, Path keyFile, @Min(1) @DefaultValue("500") int batchSize,
        @NotNull @DefaultValue("1m") Duration resealInterval) {
}
