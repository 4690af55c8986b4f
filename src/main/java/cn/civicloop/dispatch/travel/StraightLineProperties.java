package cn.civicloop.dispatch.travel;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The one set of straight-line settings ({@code civicloop.dispatch.straight-line.*}): great-circle distance ×
 * detour factor ÷ speed. It is the travel model without a road network, and the road-network model's estimate
 * while its graph loads and for positions off the network — the same figure either way, so a dispatcher comparing
 * a straight-line ETA with another one compares like with like.
 *
 * @param detourFactor how much longer a trip by road is than the straight line (≈ 1.3 in a city grid)
 * @param speedKmh     average urban driving speed assumed for it
 */
@ConfigurationProperties("civicloop.dispatch.straight-line")
public record StraightLineProperties(@DefaultValue("1.3") double detourFactor, @DefaultValue("30") double speedKmh) {

    /** The defaults, for code that runs without Spring (tests, benchmarks). */
    public static final StraightLineProperties DEFAULTS = new StraightLineProperties(1.3, 30);

    public StraightLineProperties {
        if (detourFactor < 1 || speedKmh <= 0) {
            throw new IllegalArgumentException("civicloop.dispatch.straight-line: detour factor must be >= 1 and speed > 0");
        }
    }
}
