package cn.civicloop.planning;

import cn.civicloop.dispatch.UnitPlan;

/**
 * What a new run starts from.
 *
 * @param plan            the unit plan now (blocks, units on duty, the desk's reserve)
 * @param assumptions     the standing speeds and delays ({@code civicloop.planning.assumptions.*})
 * @param callsPerHour    rate of a generated stream
 * @param days            length of a generated stream
 * @param periodDays      days of recorded incidents the page proposes (ending today)
 * @param maxPeriodDays   the longest period a run may read
 * @param maxIncidents    the most incidents a run replays
 * @param minIncidents    fewer recorded incidents than this are refused (use a generated stream)
 * @param exactMaxUnits   the exact hypercube only up to this many units
 * @param seed            seed of the patrol routes
 */
public record PlanningDefaults(UnitPlan plan, RunRequest.Assumptions assumptions, double callsPerHour, int days,
        int periodDays, int maxPeriodDays, int maxIncidents, int minIncidents, int exactMaxUnits, long seed) {
}
