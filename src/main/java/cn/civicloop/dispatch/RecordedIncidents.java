package cn.civicloop.dispatch;

import java.time.Instant;
import java.util.List;

/**
 * The incidents of a period, oldest first.
 *
 * @param more true when the period holds more incidents than were returned (the read was capped); the last
 *             incident's {@code receivedAt} then says how far the returned ones reach
 */
public record RecordedIncidents(Instant from, Instant to, List<RecordedIncident> incidents, boolean more) {

    public RecordedIncidents {
        incidents = List.copyOf(incidents);
    }
}
