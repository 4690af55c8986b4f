package cn.civicloop.shared;

import java.time.ZoneId;

/** The district's time zone: case numbers, office hours and deadlines are days of Asia/Shanghai. */
public final class DistrictTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private DistrictTime() {
    }
}
