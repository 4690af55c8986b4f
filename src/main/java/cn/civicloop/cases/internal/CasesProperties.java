package cn.civicloop.cases.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Settings of the cases module ({@code civicloop.cases.*}).
 *
 * @param numbers        how case numbers are made
 * @param trackingSecret the server key of the residents' tracking tokens (an HMAC of the case number); set it in
 *                       production (env {@code CIVICLOOP_TRACKING_SECRET}). Empty: a key is generated on first start
 *                       and kept in the database, shared by every instance
 * @param attachments    which photos an appeal or a reply may carry
 * @param personalDataRetentionDays days after closing after which the resident's name, phone and address of a case
 *                       and its reporters are masked for good (PIPL); the case itself is kept
 */
@ConfigurationProperties("civicloop.cases")
@Validated
public record CasesProperties(@DefaultValue @Valid Numbers numbers, @DefaultValue("") String trackingSecret,
        @DefaultValue @Valid Attachments attachments, @DefaultValue("730") @jakarta.validation.constraints.Min(1)
        int personalDataRetentionDays) {

    /**
     * @param prefix    the district's prefix of every case number ({@code SZ-20261125-000123})
     * @param blockSize numbers an instance reserves from the day's counter at once; the unused rest of a block is
     *                  a gap in the numbers after a restart
     */
    public record Numbers(@DefaultValue("SZ") @Pattern(regexp = "[A-Z0-9]{1,8}") String prefix,
            @DefaultValue("20") @Min(1) int blockSize) {
    }

    /**
     * @param maxCount photos at most per appeal or reply
     * @param maxSize  size of one photo at most (the multipart limits of {@code spring.servlet.multipart} must allow
     *                 it)
     */
    public record Attachments(@DefaultValue("9") @Min(0) int maxCount, @DefaultValue("5MB") @NotNull DataSize maxSize) {
    }
}
