package cn.civicloop.exchange;

import java.util.List;

import org.springframework.modulith.events.Externalized;

/**
 * A road chief or street office blew the whistle (吹哨) and named the departments that must report on site. No title,
 * description or name of the whistle-blower, only his level.
 *
 * @param whistleId   {@code W} and the whistle's number
 * @param blowerLevel 1 or 2 for a chief, null for a street office
 */
@Externalized("civicloop.whistles::#{key()}")
public record WhistleBlownMessage(int schemaVersion, String type, String eventId, String whistleId, String occurredAt,
        String areaCode, String segmentCode, List<String> departmentCodes, Integer blowerLevel, String ackDue,
        String reportDue) implements ExternalEvent {

    public static final String TYPE = "whistle.blown";

    @Override
    public String key() {
        return whistleId;
    }
}
