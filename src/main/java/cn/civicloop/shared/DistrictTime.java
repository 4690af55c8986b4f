package cn.civicloop.shared;

import java.time.ZoneId;

/** The district's time zone: case numbers, office hours and deadlines are days of Asia/Shanghai. */
public final class DistrictTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private DistrictTime() {
    }

    /**
     * SQL for the district day of a zoned timestamp column: {@code at time zone} on PostgreSQL; H2 casts a zoned
     * timestamp to the date of the session's zone whatever the value's zone, so there the date is formatted in the
     * district's zone instead. {@code column} is a column name of the caller's statement, never input.
     */
    public static String daySql(String column, boolean postgres) {
        String zone = "'" + ZONE.getId() + "'";
        return postgres ? "cast(" + column + " at time zone " + zone + " as date)"
                : "cast(formatdatetime(" + column + ", 'yyyy-MM-dd', 'en', " + zone + ") as date)";
    }
}
