package cn.civicloop.cases.internal;

import java.sql.Timestamp;
import java.time.Duration;
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
 * {@link CaseStatistics} in portable SQL (H2 in PostgreSQL mode and PostgreSQL): day boundaries are computed here
 * in Asia/Shanghai and passed as timestamps; grouping is by plain columns only.
 */
@Service
@Transactional(readOnly = true)
class CaseStatisticsQuery implements CaseStatistics {

    /** Open and overdue in one pass over the open cases, both from their definitions in {@link FigureSql}. */
    private static final String LOAD = "count(*), sum(case when " + FigureSql.PAST_DUE + " then 1 else 0 end)";

    private final JdbcClient jdbc;

    CaseStatisticsQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Kpis kpis(Instant now) {
        Map<String, Object> figures = FigureSql.params(now);
        Timestamp since = Timestamp.from(now.minus(Duration.ofDays(30)));
        long[] load = jdbc.sql("select " + LOAD + " from cases_case where " + FigureSql.where(Figure.OPEN))
                .params(figures).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        long closedToday = jdbc.sql("select count(*) from cases_case where " + FigureSql.where(Figure.CLOSED_TODAY))
                .params(figures).query(Long.class).single();
        long[] onTime = jdbc.sql("""
                select count(*), sum(case when closed_at <= due_at then 1 else 0 end) from cases_case
                where status = 'CLOSED' and closed_at >= ?""").param(since)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        // answers of the last 30 days: of an ended case by its closing time (every ended case has one), of an open
        // one by its last change; two statements, each on an index of its own (closed_at, the open cases)
        String answers = "select count(*), sum(case when satisfaction in ('SATISFIED', 'BASICALLY_SATISFIED') "
                + "then 1 else 0 end) from cases_case where satisfaction is not null and ";
        long[] ended = jdbc.sql(answers + "closed_at >= ?").param(since)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        long[] open = jdbc.sql(answers + FigureSql.OPEN + " and updated_at >= ?").param(since)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        long[] satisfied = {ended[0] + open[0], ended[1] + open[1]};
        return new Kpis(load[0], load[1], closedToday, rate(onTime), rate(satisfied));
    }

    @Override
    public List<ChannelCount> intakeByChannel(LocalDate day) {
        Map<Channel, Long> counts = new EnumMap<>(Channel.class);
        Arrays.stream(Channel.values()).forEach(c -> counts.put(c, 0L));
        jdbc.sql("select channel, count(*) from cases_case where created_at >= ? and created_at < ? group by channel")
                .params(start(day), start(day.plusDays(1)))
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
        // opened and closed counted apart: "created_at >= ? or closed_at >= ?" was served by no index (a scan of
        // the whole history); each half is a range of its own index
        long[] opened = perDay("created_at", "", first, days);
        long[] closed = perDay("closed_at", "status = 'CLOSED' and ", first, days);
        List<DayFlow> flows = new ArrayList<>();
        for (int i = 0; i < days; i++) {
            flows.add(new DayFlow(first.plusDays(i), opened[i], closed[i]));
        }
        return flows;
    }

    /** Cases per day of {@code column} over {@code days} days from {@code first}, read along that column's index. */
    private long[] perDay(String column, String condition, LocalDate first, int days) {
        StringBuilder sql = new StringBuilder("select ");
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < days; i++) {
            sql.append(i == 0 ? "" : ", ").append("sum(case when ").append(column).append(" < ? then 1 else 0 end)");
            params.add(start(first.plusDays(i + 1L)));
        }
        sql.append(" from cases_case where ").append(condition).append(column).append(" >= ? and ").append(column)
                .append(" < ?");
        params.add(start(first));
        params.add(start(first.plusDays(days)));
        long[] before = jdbc.sql(sql.toString()).params(params).query((rs, n) -> {
            long[] counts = new long[days];
            for (int i = 0; i < days; i++) {
                counts[i] = rs.getLong(i + 1);
            }
            return counts;
        }).single();
        long[] counts = new long[days]; // cumulative "before the end of day i" to per day
        for (int i = 0; i < days; i++) {
            counts[i] = before[i] - (i == 0 ? 0 : before[i - 1]);
        }
        return counts;
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
