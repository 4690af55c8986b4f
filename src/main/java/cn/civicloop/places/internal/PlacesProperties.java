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
 */
@Validated
@ConfigurationProperties("civicloop.places")
public record PlacesProperties(@DefaultValue("false") boolean seedDemo,
        @DefaultValue("0.6") @DecimalMin("0") @DecimalMax("1") double threshold,
        @DefaultValue("0.85") @DecimalMin("0") @DecimalMax("1") double highConfidence,
        @DefaultValue("300") @Min(10) @Max(5000) int reverseReach,
        @DefaultValue("5") @Min(1) @Max(20) int maxCandidates) {
}
