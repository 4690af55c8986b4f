package cn.civicloop.dispatch;

import java.time.Instant;

/**
 * What the 110 service has recorded, read-only, for planning and analysis in other modules: the incidents of a
 * bounded period with their stamps and the current unit plan. No personal data (caller, phone, summary, address)
 * leaves the module through it; the caller's own door decides who may see the figures it makes from them.
 */
public interface DispatchRecords {

    /** The most incidents one read returns, whatever the caller asks for. */
    int MAX_INCIDENTS = 20_000;

    /**
     * The incidents received from {@code from} (inclusive) until {@code to} (exclusive), oldest first, at most
     * {@code limit} (1 … {@link #MAX_INCIDENTS});
     * {@link RecordedIncidents#more()} says whether the period holds more than were returned.
     *
     * @throws IllegalArgumentException for an empty or reversed period or a limit out of range
     */
    RecordedIncidents incidentsReceived(Instant from, Instant to, int limit);

    /** The blocks with their outlines and posts, the units of each and how many are on duty now, and the reserve rule. */
    UnitPlan unitPlan();
}
