package cn.civicloop.open311.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import cn.civicloop.shared.DistrictTime;

/** The spec's date-times: w3 format with the offset, in the district's time (2026-05-01T09:30:00+08:00). */
final class W3Time {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX")
            .withZone(DistrictTime.ZONE);

    private W3Time() {
    }

    static String of(Instant instant) {
        return instant == null ? null : FORMAT.format(instant);
    }
}
