package cn.civicloop.cases.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import cn.civicloop.cases.Satisfaction;

/**
 * What one case adds to the daily figures, derived from its current row only: opened on the day of its creation,
 * and, once ended, closed (in time or not), declined or voided and its follow-up answer on the day it ended. Keys
 * without a department or street use 0 and ''. The SQL of {@link DayFigureRebuild} computes the same.
 */
record FigureShare(long departmentId, String streetCode, String channel, LocalDate openedDay, LocalDate endedDay,
        String endedStatus, boolean onTime, boolean answered, boolean satisfied) {

    /** The measures of a row of {@code cases_day_figures}, in this order. */
    static final String[] MEASURES = {"opened", "closed", "closed_on_time", "declined", "voided", "answered",
        "satisfied"};

    static final FigureShare NONE = new FigureShare(0, "", "", null, null, null, false, false, false);

    /** A row of the daily figures. */
    record Key(LocalDate day, long departmentId, String streetCode, String channel) implements Comparable<Key> {

        @Override
        public int compareTo(Key o) {
            int c = day.compareTo(o.day);
            if (c == 0) {
                c = Long.compare(departmentId, o.departmentId);
            }
            if (c == 0) {
                c = streetCode.compareTo(o.streetCode);
            }
            return c == 0 ? channel.compareTo(o.channel) : c;
        }
    }

    static boolean satisfied(String satisfaction) {
        return Satisfaction.SATISFIED.name().equals(satisfaction)
                || Satisfaction.BASICALLY_SATISFIED.name().equals(satisfaction);
    }

    /** Reads the columns of {@link DayFigureRebuild#shareColumns(boolean)}. */
    static FigureShare read(ResultSet rs) throws SQLException {
        return new FigureShare(rs.getLong("department_id"), rs.getString("street_code"), rs.getString("channel"),
                rs.getObject("opened_day", LocalDate.class), rs.getObject("ended_day", LocalDate.class),
                rs.getString("ended_status"), rs.getBoolean("on_time"), rs.getBoolean("answered"),
                rs.getBoolean("satisfied"));
    }

    /** The rows this share counts in and by how much (keys in order, so concurrent writers lock rows alike). */
    Map<Key, long[]> marks() {
        Map<Key, long[]> marks = new TreeMap<>();
        if (openedDay != null) {
            marks.computeIfAbsent(key(openedDay), k -> new long[MEASURES.length])[0]++;
        }
        if (endedDay != null) {
            long[] m = marks.computeIfAbsent(key(endedDay), k -> new long[MEASURES.length]);
            m[1] += "CLOSED".equals(endedStatus) ? 1 : 0;
            m[2] += onTime ? 1 : 0;
            m[3] += "DECLINED".equals(endedStatus) ? 1 : 0;
            m[4] += "VOIDED".equals(endedStatus) ? 1 : 0;
            m[5] += answered ? 1 : 0;
            m[6] += satisfied ? 1 : 0;
        }
        return marks;
    }

    private Key key(LocalDate day) {
        return new Key(day, departmentId, streetCode, channel);
    }

    /** What changes in the figures when {@code before} becomes this share: only the rows that change. */
    Map<Key, long[]> minus(FigureShare before) {
        Map<Key, long[]> delta = new TreeMap<>(marks());
        before.marks().forEach((key, old) -> {
            long[] d = delta.computeIfAbsent(key, k -> new long[MEASURES.length]);
            for (int i = 0; i < d.length; i++) {
                d[i] -= old[i];
            }
        });
        delta.values().removeIf(d -> java.util.Arrays.stream(d).allMatch(v -> v == 0));
        return delta;
    }
}
