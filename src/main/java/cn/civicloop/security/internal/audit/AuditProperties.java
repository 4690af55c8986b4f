package cn.civicloop.security.internal.audit;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * The audit log's settings, {@code civicloop.security.audit.*} (docs/security.md, "Audit").
 *
 * @param key             the HMAC-SM3 key of the chain (at least 32 characters); never stored in the database. Either
 *                        this or {@code key-file}
 * @param keyFile         a file holding the key (its first line); read at start
 * @param generateKeyFile when neither key nor an existing key file is there, create the key file with a random key
 *                        (the demo does; production supplies its key and leaves this false)
 * @param keyId           the current key's id, stored in every row it signs (rotation: give the new key a new id and
 *                        move the old one to {@code retired-keys})
 * @param retiredKeys     id → key of earlier keys, used only to verify the rows they signed
 * @param headExport      where and how often the chain's head is written outside the database
 * @param retention       how long rows stay in the live table before they are moved to the archive table
 */
@ConfigurationProperties("civicloop.security.audit")
@Validated
public record AuditProperties(@DefaultValue("") String key, @DefaultValue("") String keyFile,
        @DefaultValue("false") boolean generateKeyFile,
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,20}") @DefaultValue("k1") String keyId,
        @DefaultValue Map<String, String> retiredKeys, @Valid @DefaultValue HeadExport headExport,
        @Valid @DefaultValue Retention retention) {

    /**
     * @param directory a directory the database's user cannot write (another host's mount, an append-only file);
     *                  empty: no export (the start logs a warning)
     * @param every     how often the head is exported (a db-scheduler task, on one instance)
     */
    public record HeadExport(@DefaultValue("") String directory, @DefaultValue("PT5M") Duration every) {
    }

    /**
     * @param days  rows older than this many days move to the archive table (never deleted); at least 180 (等保 三级)
     * @param every how often the move runs
     * @param batch rows moved per transaction
     */
    public record Retention(@Min(180) @DefaultValue("180") int days, @DefaultValue("PT6H") Duration every,
            @Min(1) @DefaultValue("5000") int batch) {
    }
}
