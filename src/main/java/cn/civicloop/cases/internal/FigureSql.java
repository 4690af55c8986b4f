package cn.civicloop.cases.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import cn.civicloop.cases.CaseStatistics.Breakdown;
import cn.civicloop.cases.CaseStatistics.Figure;
import cn.civicloop.cases.CaseStatistics.Slice;
import cn.civicloop.cases.CaseStatus;
import cn.civicloop.shared.DistrictTime;

/**
 * The one definition of each figure of the overview, as SQL on {@code cases_case} with the named parameters
 * {@code :now}, {@code :today} and {@code :tomorrow}: the statistics count with it and the case list lists with it, so a number and
 * the list opened from it cannot disagree.
 */
final class FigureSql {

    /** Not ended. */
    static final String OPEN = "status not in (" + Arrays.stream(CaseStatus.values()).filter(CaseStatus::ended)
            .map(s -> "'" + s.name() + "'").collect(Collectors.joining(", ")) + ")";
    /** What makes an open case overdue. */
    static final String PAST_DUE = "due_at < :now";

    private FigureSql() {
    }

    static String where(Figure figure) {
        return switch (figure) {
            case OPEN -> OPEN;
            case OVERDUE -> OPEN + " and " + PAST_DUE;
            case CLOSED_TODAY -> "status = 'CLOSED' and closed_at >= :today and closed_at < :tomorrow";
        };
    }

    /** The figure and the bar of its breakdown; the bar's key is the named parameter {@code :sliceKey}. */
    static String where(Slice slice) {
        String bar = switch (slice.breakdown()) {
            case ALL -> "";
            case DEPARTMENT -> slice.key() == null ? " and department_id is null" : " and department_id = :sliceKey";
            case STREET -> slice.key() == null ? " and street_code is null" : " and street_code = :sliceKey";
        };
        return "(" + where(slice.figure()) + bar + ")";
    }

    static Map<String, Object> params(Instant now) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("now", Timestamp.from(now));
        LocalDate today = LocalDate.ofInstant(now, DistrictTime.ZONE);
        params.put("today", Timestamp.from(today.atStartOfDay(DistrictTime.ZONE).toInstant()));
        // the day's end too: a case closed on a later day (a clock set ahead) is that day's, as in the daily figures
        params.put("tomorrow", Timestamp.from(today.plusDays(1).atStartOfDay(DistrictTime.ZONE).toInstant()));
        return params;
    }

    static Map<String, Object> params(Slice slice) {
        Map<String, Object> params = params(slice.at());
        if (slice.breakdown() != Breakdown.ALL && slice.key() != null) {
            params.put("sliceKey", slice.breakdown() == Breakdown.DEPARTMENT ? departmentId(slice.key()) : slice.key());
        }
        return params;
    }

    private static long departmentId(String key) {
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            return -1L; // no department has this key: an empty list, as its bar would be
        }
    }
}
