package cn.civicloop.shared;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * The settings several modules read: the application clock and the base map. Bound at {@code civicloop} because the
 * keys ({@code civicloop.clock.*}, {@code civicloop.map.*}) are older than this record.
 *
 * @param clock the application clock every module uses
 * @param map       the maps on the pages (report, case page, dashboard, 110 desk)
 * @param publicUrl the site's address as residents reach it (e.g. {@code https://12345.example.gov.cn}), used for the
 *                  links that leave the site (the tracking link and its QR code). Empty (the demo): the address the
 *                  request came to — production sets it, so a forged {@code Host} header cannot put another site
 *                  into a resident's link.
 */
@ConfigurationProperties("civicloop")
@Validated
public record SharedProperties(@Valid @DefaultValue ClockShift clock, @Valid @DefaultValue Maps map,
        @DefaultValue("") String publicUrl) {

    /** The configured public address without a trailing slash, or {@code null} when none is set. */
    public String publicUrlOrNull() {
        return publicUrl == null || publicUrl.isBlank() ? null : publicUrl.replaceAll("/+$", "");
    }

    /**
     * @param offset moves the whole application in time (e.g. {@code P1D}), for the crash test: a restart "a day later"
     *               makes the timers that fell due during the downtime fire. Never set in production.
     */
    public record ClockShift(@NotNull @DefaultValue("PT0S") Duration offset) {
    }

    /**
     * @param tileUrl a tile server of the district's own, e.g. {@code https://tiles.example.gov.cn/{z}/{x}/{y}.png};
     *                empty (the default): no tiles, maps draw only the district's GeoJSON layers and nothing is loaded
     *                from outside. When set, its origin is allowed for images by the Content-Security-Policy.
     */
    public record Maps(@DefaultValue("") String tileUrl) {

        /** The tile URL, or {@code null} when no tile server is configured. */
        public String tilesOrNull() {
            return tileUrl == null || tileUrl.isBlank() ? null : tileUrl;
        }
    }
}
