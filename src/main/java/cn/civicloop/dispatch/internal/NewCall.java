package cn.civicloop.dispatch.internal;

import java.time.Instant;

import cn.civicloop.dispatch.IncidentType;

/**
 * A call as the call-taker enters it. {@code priority} null takes the type's usual one; {@code receivedAt} null is
 * now; {@code attachTo} names an open incident this call is about (else a duplicate is looked for by place,
 * type and time); {@code separate} true opens a new incident even when a duplicate is found.
 */
public record NewCall(String line, IncidentType type, Integer priority, String summary, String address, double lat,
        double lon, String callerName, String callerPhone, Instant receivedAt, String attachTo, boolean separate) {
}
