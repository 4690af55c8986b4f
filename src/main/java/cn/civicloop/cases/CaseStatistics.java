package cn.civicloop.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Read-only figures for the leaders' overview (领导驾驶舱). Days are days of Asia/Shanghai; "open" means not ended
 * ({@link CaseStatus#ended()}), "overdue" means open and past its expected completion time.
 */
public interface CaseStatistics {

    /** The headline figures at {@code now}. */
    Kpis kpis(Instant now);

    /** Appeals received on {@code day} per channel (every channel listed, zero included). */
    List<ChannelCount> intakeByChannel(LocalDate day);

    /** Open and overdue cases per handling department; {@code departmentId} null: not yet assigned. */
    List<DepartmentLoad> loadByDepartment(Instant now);

    /** Open and overdue cases per street/town; {@code streetCode} null: not placed on the map. */
    List<StreetLoad> loadByStreet(Instant now);

    /** Cases opened and closed per day, for the {@code days} days ending with the day of {@code now}. */
    List<DayFlow> trend(Instant now, int days);

    /** The newest open cases with a location, at most {@code limit}. */
    List<OpenPoint> openPoints(Instant now, int limit);

    /**
     * @param onTimeRate       share of the cases closed in the last 30 days that closed by their deadline, null if none
     * @param satisfactionRate share of satisfied or basically satisfied answers among follow-ups of the last 30
     *                         days, null if none
     */
    record Kpis(long open, long overdue, long closedToday, Double onTimeRate, Double satisfactionRate) {
    }

    /**
     * A figure of the overview that can be opened as a list. Each has one definition, used for its tile, its bars
     * and the list behind them: {@link CaseQueries#list} with a {@link Slice} lists exactly what was counted.
     */
    enum Figure {
        /** 在办: not ended. */
        OPEN,
        /** 超期: open and past its expected completion time. */
        OVERDUE,
        /** 今日办结: closed since the start of today (Asia/Shanghai). */
        CLOSED_TODAY
    }

    /** How a figure is broken down in a chart or table. */
    enum Breakdown {
        ALL, DEPARTMENT, STREET
    }

    /**
     * The cases behind one number of the overview: a figure at {@code at}, whole or one bar of a breakdown.
     *
     * @param key the bar: a department id or a street code; {@code null} is the bar of cases without one
     *            (not yet assigned, not placed on the map)
     */
    record Slice(Figure figure, Breakdown breakdown, String key, Instant at) {
    }

    record ChannelCount(Channel channel, long count) {
    }

    record DepartmentLoad(Long departmentId, long open, long overdue) {
    }

    record StreetLoad(String streetCode, long open, long overdue) {
    }

    record DayFlow(LocalDate day, long opened, long closed) {
    }

    record OpenPoint(String number, String title, CaseStatus status, double lat, double lon, boolean overdue) {
    }
}
