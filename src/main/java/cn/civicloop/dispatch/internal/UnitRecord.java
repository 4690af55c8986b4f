package cn.civicloop.dispatch.internal;

import java.time.Instant;

import cn.civicloop.dispatch.UnitStatus;
import cn.civicloop.geo.GeoPoint;

/** A unit as stored: its identity, its status and (without the live tracker) its last known position. */
public record UnitRecord(String code, String callSign, String blockCode, String crew, String terminalUsername,
        UnitStatus status, Instant statusSince, Long incidentId, GeoPoint position, Instant fixAt) {
}
