package cn.civicloop.cases.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.civicloop.cases.CaseStatistics;
import cn.civicloop.cases.CaseStatistics.Figure;
import cn.civicloop.cases.CaseStatus;
import cn.civicloop.cases.Channel;
import cn.civicloop.shared.DistrictTime;

/**
 * {@link CaseStatistics} in portable SQL (H2 in PostgreSQL mode and PostgreSQL): what is open now from the open
 * cases (their partial indexes), what happened on past days from the daily totals per channel ({@code cases_day_totals},
 * {@link DayFigureUpdates}): a month of figures is a few hundred rows however long the history.
 */
@Service
@Transactional(readOnly = true)
class CaseStatisticsQuery implements CaseStatistics {

    /** The days of the on-time and satisfaction rates: today and the 29 days before. */
    static final int RATE_DAYS = 30;
    /** Open and overdue in one pass over the open cases, both from their definitions in {@link FigureSql}. */
    private static final String LOAD = "count(*), sum(case when " + FigureSql.PAST_DUE + " then 1 else 0 end)";

    private final JdbcClient jdbc;

    CaseStatisticsQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Kpis kpis(Instant now) {
        Map<String, Object> figures = FigureSql.params(now);
        long[] load = jdbc.sql("select " + LOAD + " from cases_case where " + FigureSql.where(Figure.OPEN))
                .params(figures).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        LocalDate today = day(now);
        LocalDate first = today.minusDays(RATE_DAYS - 1L);
        long closedToday = jdbc.sql("select coalesce(sum(closed), 0) from cases_day_totals where on_day = ?")
                .param(today).query(Long.class).single();
        // the rates of the last 30 days from the daily figures: the cases ended on those days, by their state now
        long[] ended = jdbc.sql("""
                select coalesce(sum(closed), 0), coalesce(sum(closed_on_time), 0), coalesce(sum(answered), 0),
                    coalesce(sum(satisfied), 0)
                from cases_day_totals where on_day >= ? and on_day <= ?""").params(first, today)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}).single();
        // and the answers of cases open again (reopened after an answer) changed in that time, read from the open
        // cases' index: the daily figures count ended cases only
        long[] open = jdbc.sql("select count(*), sum(case when satisfaction in ('SATISFIED', 'BASICALLY_SATISFIED') "
                + "then 1 else 0 end) from cases_case where satisfaction is not null and " + FigureSql.OPEN
                + " and updated_at >= ?").param(start(first))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        long[] satisfied = {ended[2] + open[0], ended[3] + open[1]};
        return new Kpis(load[0], load[1], closedToday, rate(new long[] {ended[0], ended[1]}), rate(satisfied));
    }

    @Override
    public List<ChannelCount> intakeByChannel(LocalDate day) {
        Map<Channel, Long> counts = new EnumMap<>(Channel.class);
        Arrays.stream(Channel.values()).forEach(c -> counts.put(c, 0L));
        jdbc.sql("select channel, sum(opened) from cases_day_totals where on_day = ? group by channel").param(day)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
                .forEach(e -> Arrays.stream(Channel.values()).filter(c -> c.name().equals(e.getKey()))
                        .forEach(c -> counts.put(c, e.getValue())));
        return counts.entrySet().stream().map(e -> new ChannelCount(e.getKey(), e.getValue())).toList();
    }

    @Override
    public List<DepartmentLoad> loadByDepartment(Instant now) {
        return jdbc.sql("select department_id, " + LOAD + " from cases_case where " + FigureSql.where(Figure.OPEN)
                + " group by department_id order by 2 desc").params(FigureSql.params(now))
                .query((rs, n) -> new DepartmentLoad(rs.getObject(1, Long.class), rs.getLong(2), rs.getLong(3)))
                .list();
    }

    @Override
    public List<StreetLoad> loadByStreet(Instant now) {
        return jdbc.sql("select street_code, " + LOAD + " from cases_case where " + FigureSql.where(Figure.OPEN)
                + " group by street_code order by 2 desc").params(FigureSql.params(now))
                .query((rs, n) -> new StreetLoad(rs.getString(1), rs.getLong(2), rs.getLong(3))).list();
    }

    @Override
    public List<DayFlow> trend(Instant now, int days) {
        LocalDate first = day(now).minusDays(days - 1L);
        Map<LocalDate, long[]> flows = new java.util.HashMap<>();
        jdbc.sql("select on_day, sum(opened), sum(closed) from cases_day_totals where on_day >= ? and on_day <= ? group by on_day")
                .params(first, day(now)).query((rs, n) -> Map.entry(rs.getObject(1, LocalDate.class),
                        new long[] {rs.getLong(2), rs.getLong(3)}))
                .list().forEach(e -> flows.put(e.getKey(), e.getValue()));
        List<DayFlow> trend = new ArrayList<>();
        for (int i = 0; i < days; i++) {
            long[] flow = flows.getOrDefault(first.plusDays(i), new long[2]);
            trend.add(new DayFlow(first.plusDays(i), flow[0], flow[1]));
        }
        return trend;
    }

    @Override
    public List<OpenPoint> openPoints(Instant now, int limit) {
        return jdbc.sql("select number, title, status, lat, lon, due_at from cases_case where "
                + FigureSql.where(Figure.OPEN) + " and lat is not null and lon is not null order by created_at desc limit "
                + Math.max(0, limit))
                .query((rs, n) -> new OpenPoint(rs.getString(1), rs.getString(2), CaseStatus.valueOf(rs.getString(3)),
                        rs.getDouble(4), rs.getDouble(5), rs.getTimestamp(6).toInstant().isBefore(now)))
                .list();
    }

    private static LocalDate day(Instant now) {
        return LocalDate.ofInstant(now, DistrictTime.ZONE);
    }

    private static Timestamp start(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(DistrictTime.ZONE).toInstant());
    }

    private static Double rate(long[] counts) {
        return counts[0] == 0 ? null : (double) counts[1] / counts[0];
    }
}
