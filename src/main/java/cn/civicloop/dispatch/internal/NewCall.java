package cn.civicloop.dispatch.internal;

import java.time.Instant;

import cn.civicloop.dispatch.IncidentType;

/**
 * A call as the call-taker enters it. {@code priority} null takes the type's usual one; {@code receivedAt} null is
 * now; {@code attachTo} names an open incident this call is about (else a duplicate is looked for by place,
 * type and time); {@code separate} true opens a new incident even when a duplicate is found. {@code lat} and
 * {@code lon} both null: nobody knows yet where it is (the incident is placed later).
 */
public record NewCall(String line, IncidentType type, Integer priority, String summary, String address, Double lat,
        Double lon, String callerName, String callerPhone, Instant receivedAt, String attachTo, boolean separate) {
}
