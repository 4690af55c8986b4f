package cn.civicloop.calendar.internal;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The office periods of a working day, e.g. 08:30–12:00 and 13:30–17:30 (3.5 + 4 = 7.5 hours). Every working day has the same
 * periods; the lunch break and the night are not office time.
 * <p>
 * Times of day are handled as nanoseconds of the day so that instants with any precision round-trip exactly.
 */
final class OfficeHours {

    /** The district's office hours unless {@code civicloop.calendar.office-hours} says otherwise. */
    static final String DEFAULT = "08:30-12:00,13:30-17:30";

    private final long[] starts;
    private final long[] ends;
    private final long perDay;

    private OfficeHours(List<long[]> periods) {
        starts = periods.stream().mapToLong(p -> p[0]).toArray();
        ends = periods.stream().mapToLong(p -> p[1]).toArray();
        perDay = periods.stream().mapToLong(p -> p[1] - p[0]).sum();
    }

    /**
     * Parses {@code HH:mm-HH:mm[,HH:mm-HH:mm...]}: at least one period, each non-empty, in order and not
     * overlapping. A period may end at 24:00 only as {@code 23:59}; office hours around midnight make no sense.
     */
    static OfficeHours parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("office hours must name at least one period, e.g. " + DEFAULT);
        }
        List<long[]> periods = new ArrayList<>();
        long previousEnd = -1;
        for (String part : spec.split(",")) {
            String[] bounds = part.strip().split("-");
            if (bounds.length != 2) {
                throw new IllegalArgumentException("office period '" + part + "' is not HH:mm-HH:mm");
            }
            long start = LocalTime.parse(bounds[0].strip()).toNanoOfDay();
            long end = LocalTime.parse(bounds[1].strip()).toNanoOfDay();
            if (end <= start || start < previousEnd) {
                throw new IllegalArgumentException("office periods must be non-empty, in order and apart: " + spec);
            }
            periods.add(new long[] { start, end });
            previousEnd = end;
        }
        return new OfficeHours(periods);
    }

    /** Office time of a whole working day. */
    long perDayNanos() {
        return perDay;
    }

    Duration perDay() {
        return Duration.ofNanos(perDay);
    }

    /** Close of business: the end of the last period. */
    LocalTime close() {
        return LocalTime.ofNanoOfDay(ends[ends.length - 1]);
    }

    /** Office time of a working day that lies before {@code time}. */
    long before(LocalTime time) {
        long t = time.toNanoOfDay();
        long sum = 0;
        for (int i = 0; i < starts.length && t > starts[i]; i++) {
            sum += Math.min(t, ends[i]) - starts[i];
        }
        return sum;
    }

    /**
     * The earliest time of day at which {@code officeNanos} of office time have passed since midnight
     * (0 < officeNanos ≤ {@link #perDayNanos()}). Reaching the end of a period gives that end (12:00), not the
     * start of the next one: a limit that runs out at lunch runs out at noon.
     */
    LocalTime after(long officeNanos) {
        if (officeNanos <= 0 || officeNanos > perDay) {
            throw new IllegalArgumentException("office time outside the day: " + officeNanos);
        }
        long remaining = officeNanos;
        for (int i = 0;; i++) {
            long length = ends[i] - starts[i];
            if (remaining <= length) {
                return LocalTime.ofNanoOfDay(starts[i] + remaining);
            }
            remaining -= length;
        }
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < starts.length; i++) {
            s.append(i == 0 ? "" : ",").append(LocalTime.ofNanoOfDay(starts[i])).append('-')
                    .append(LocalTime.ofNanoOfDay(ends[i]));
        }
        return s.toString();
    }
}
