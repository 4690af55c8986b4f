package cn.civicloop.planning.internal.model;

import cn.civicloop.planning.DispatchPolicy;

/**
 * The parameters of one side of the comparison.
 *
 * @param processingSeconds call received → order sent to the unit (same for both policies: the 110 desk is the same)
 * @param turnoutSeconds    order received → car moving (shorter on patrol: the crew is already in the car)
 * @param cruiseSpeedKmh    speed when not answering a call: patrol speed, or the speed of the drive back to station
 */
public record PolicySettings(DispatchPolicy policy, double processingSeconds, double turnoutSeconds,
        double cruiseSpeedKmh) {

    public PolicySettings {
        if (processingSeconds < 0 || turnoutSeconds < 0 || !(cruiseSpeedKmh > 0)) {
            throw new IllegalArgumentException("delays must not be negative and the cruise speed must be positive");
        }
    }
}
