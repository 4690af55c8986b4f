package cn.civicloop.places.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Settings of the gazetteer and geocoder ({@code civicloop.places.*}).
 *
 * @param seedDemo       write the generated demo address set on a database whose gazetteer is empty (the demo
 *                       profile and the tests; default false)
 * @param threshold      candidates below this confidence are not offered; none left means "not found" (default 0.6)
 * @param highConfidence at or above this a candidate may be used without the operator confirming the place
 *                       (default 0.85)
 * @param reverseReach   the farthest a doorplate or place may be from a point to name it, in metres (default 300)
 * @param maxCandidates  candidates in one answer (default 5)
 * @param tiles          an optional tile layer under the gazetteer's own vector layers
 */
@Validated
@ConfigurationProperties("civicloop.places")
public record PlacesProperties(@DefaultValue("false") boolean seedDemo,
        @DefaultValue("0.6") @DecimalMin("0") @DecimalMax("1") double threshold,
        @DefaultValue("0.85") @DecimalMin("0") @DecimalMax("1") double highConfidence,
        @DefaultValue("300") @Min(10) @Max(5000) int reverseReach,
        @DefaultValue("5") @Min(1) @Max(20) int maxCandidates,
        @DefaultValue Tiles tiles) {

    /**
     * @param url a tile server of the district's own ({@code https://tiles.example.gov.cn/{z}/{x}/{y}.png}); empty
     *            (the default): no tiles, the maps draw only the gazetteer's vector layers
     * @param crs the datum the tiles are drawn in: {@code WGS84} (天地图, most district servers) or {@code GCJ02}
     *            (Chinese web-map tiles); with GCJ02 every point of our WGS84 data is shifted onto the tiles and a
     *            point picked on the map shifted back before it is stored
     */
    public record Tiles(@DefaultValue("") String url, @DefaultValue("WGS84") cn.civicloop.geo.Datum crs) {

        /** The URL, or {@code null} when no tile server is configured. */
        public String urlOrNull() {
            return url == null || url.isBlank() ? null : url;
        }
    }
}
