package cn.civicloop.roads.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.civicloop.shared.DistrictTime;
import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.shared.Phrase;

/**
 * The weekly briefing (定期通报) per road area and per chief, for an ISO week in district time. An issue counts in
 * the week it was found; for a chief, escalated counts the issues he passed up, overdue those that went up
 * (or timed out at level 1) because he did not answer in time.
 */
@Service
public class Briefings {

    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{1,2})");

    private final JdbcClient jdbc;
    private final RoadData data;

    Briefings(JdbcClient jdbc, RoadData data) {
        this.jdbc = jdbc;
        this.data = data;
    }

    public record AreaRow(String code, String name, int found, int fixedOnSpot, int escalated, int handedOver,
            int overdue, int whistles, Double whistleRate, int responders, Double ackInTimePercent,
            Double reportInTimePercent, Double meanMinutesToReport, Double meanRating) {
    }

    public record ChiefRow(String code, String name, int level, String unit, int found, int fixedOnSpot,
            int escalated, int handedOver, int overdue, int whistles) {
    }

    /** @param total the sum over the areas: its name is null here, the reader's word for "total" where it is shown */
    public record Briefing(String week, LocalDate monday, LocalDate sunday, Instant from, Instant to,
            List<AreaRow> areas, AreaRow total, List<ChiefRow> chiefs) {

        /** The same briefing with the total row named, for an answer in the reader's language. */
        public Briefing withTotalNamed(String name) {
            AreaRow t = total;
            return new Briefing(week, monday, sunday, from, to, areas, new AreaRow(t.code(), name, t.found(),
                    t.fixedOnSpot(), t.escalated(), t.handedOver(), t.overdue(), t.whistles(), t.whistleRate(),
                    t.responders(), t.ackInTimePercent(), t.reportInTimePercent(), t.meanMinutesToReport(),
                    t.meanRating()), chiefs);
        }
    }

    /** The Monday of an ISO week written like 2026-W48, or of the current week when blank. */
    public static LocalDate mondayOf(String week, LocalDate today) {
        if (week == null || week.isBlank()) {
            return today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        }
        Matcher m = WEEK.matcher(week.strip());
        if (!m.matches()) {
            throw new InvalidInputException("week", Phrase.of("problem.roads.week-format", "周次格式为 2026-W48"));
        }
        int year = Integer.parseInt(m.group(1));
        int w = Integer.parseInt(m.group(2));
        LocalDate probe = LocalDate.of(year, 1, 4);
        if (w < 1 || w > probe.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
            throw new InvalidInputException("week", Phrase.of("problem.roads.no-such-week", "周次超出范围"));
        }
        return probe.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, w).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    public static String weekOf(LocalDate day) {
        return String.format(Locale.ROOT, "%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR),
                day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    public Briefing week(LocalDate monday) {
        Instant from = monday.atStartOfDay(DistrictTime.ZONE).toInstant();
        Instant to = monday.plusDays(7).atStartOfDay(DistrictTime.ZONE).toInstant();
        List<AreaRow> areas = new ArrayList<>();
        Map<Long, Counts> issueCounts = issueCountsByArea(from, to);
        Map<Long, WhistleFigures> whistleFigures = whistlesByArea(from, to);
        Counts totalCounts = new Counts();
        WhistleFigures totalWhistles = new WhistleFigures();
        for (RoadArea a : data.areas()) {
            Counts c = issueCounts.getOrDefault(a.id(), new Counts());
            WhistleFigures w = whistleFigures.getOrDefault(a.id(), new WhistleFigures());
            areas.add(row(a.code(), a.name(), c, w));
            totalCounts.add(c);
            totalWhistles.add(w);
        }
        AreaRow total = row("", null, totalCounts, totalWhistles);
        return new Briefing(weekOf(monday), monday, monday.plusDays(6), from, to, areas, total, chiefRows(from, to));
    }

    private static AreaRow row(String code, String name, Counts c, WhistleFigures w) {
        return new AreaRow(code, name, c.found, c.fixed, c.escalated, c.handedOver, c.overdue, w.whistles,
                c.found == 0 ? null : round1(100.0 * w.whistles / c.found), w.responders,
                w.responders == 0 ? null : round1(100.0 * w.ackInTime / w.responders),
                w.responders == 0 ? null : round1(100.0 * w.reportInTime / w.responders),
                w.reported == 0 ? null : round1(w.minutesToReport / w.reported),
                w.rated == 0 ? null : round1((double) w.ratingSum / w.rated));
    }

    private Map<Long, Counts> issueCountsByArea(Instant from, Instant to) {
        Map<Long, Counts> out = new HashMap<>();
        jdbc.sql("""
                select i.area_id, i.fixed_on_spot,
                  (select count(*) from roads_issue_step s where s.issue_id = i.id and s.action in ('PASSED_UP', 'ESCALATED', 'AUTO_ESCALATED')) as ups,
                  (select count(*) from roads_issue_step s where s.issue_id = i.id and s.action = 'HANDED_OVER') as handed,
                  (select count(*) from roads_issue_step s where s.issue_id = i.id and s.action in ('AUTO_ESCALATED', 'OVERDUE')) as late
                from roads_issue i where i.reported_at >= ? and i.reported_at < ? and i.area_id is not null""")
                .params(Sql.ts(from), Sql.ts(to)).query(rs -> {
                    Counts c = out.computeIfAbsent(rs.getLong(1), k -> new Counts());
                    c.found++;
                    c.fixed += rs.getBoolean(2) ? 1 : 0;
                    c.escalated += rs.getLong(3) > 0 ? 1 : 0;
                    c.handedOver += rs.getLong(4) > 0 ? 1 : 0;
                    c.overdue += rs.getLong(5) > 0 ? 1 : 0;
                });
        return out;
    }

    private Map<Long, WhistleFigures> whistlesByArea(Instant from, Instant to) {
        Map<Long, WhistleFigures> out = new HashMap<>();
        Map<Long, Long> areaOfWhistle = new HashMap<>();
        jdbc.sql("select id, area_id from roads_whistle where blown_at >= ? and blown_at < ? and area_id is not null")
                .params(Sql.ts(from), Sql.ts(to)).query(rs -> {
                    areaOfWhistle.put(rs.getLong(1), rs.getLong(2));
                    out.computeIfAbsent(rs.getLong(2), k -> new WhistleFigures()).whistles++;
                });
        jdbc.sql("""
                select w.id, w.blown_at, w.ack_limit_min, w.report_limit_min, d.acknowledged_at, d.reported_at, d.rating
                from roads_whistle w join roads_whistle_department d on d.whistle_id = w.id
                where w.blown_at >= ? and w.blown_at < ? and w.area_id is not null""")
                .params(Sql.ts(from), Sql.ts(to)).query(rs -> {
                    WhistleFigures f = out.get(areaOfWhistle.get(rs.getLong(1)));
                    Instant blown = rs.getTimestamp(2).toInstant();
                    Instant ack = Sql.instant(rs, "acknowledged_at");
                    Instant reported = Sql.instant(rs, "reported_at");
                    f.responders++;
                    if (ack != null && !ack.isAfter(blown.plusSeconds(60L * rs.getInt(3)))) {
                        f.ackInTime++;
                    }
                    if (reported != null) {
                        f.reported++;
                        f.minutesToReport += (reported.getEpochSecond() - blown.getEpochSecond()) / 60.0;
                        if (!reported.isAfter(blown.plusSeconds(60L * rs.getInt(4)))) {
                            f.reportInTime++;
                        }
                    }
                    int rating = rs.getInt(7);
                    if (!rs.wasNull()) {
                        f.rated++;
                        f.ratingSum += rating;
                    }
                });
        return out;
    }

    private List<ChiefRow> chiefRows(Instant from, Instant to) {
        Map<Long, int[]> figures = new LinkedHashMap<>(); // found, fixed, escalated, handed over, overdue, whistles
        jdbc.sql("select reporter_id, fixed_on_spot from roads_issue where reported_at >= ? and reported_at < ?")
                .params(Sql.ts(from), Sql.ts(to)).query(rs -> {
                    int[] f = figures.computeIfAbsent(rs.getLong(1), k -> new int[6]);
                    f[0]++;
                    f[1] += rs.getBoolean(2) ? 1 : 0;
                });
        jdbc.sql("""
                select from_chief_id, action from roads_issue_step where happened_at >= ? and happened_at < ?
                and from_chief_id is not null and action in ('PASSED_UP', 'ESCALATED', 'HANDED_OVER', 'AUTO_ESCALATED', 'OVERDUE')""")
                .params(Sql.ts(from), Sql.ts(to)).query(rs -> {
                    int[] f = figures.computeIfAbsent(rs.getLong(1), k -> new int[6]);
                    switch (rs.getString(2)) {
                        case "PASSED_UP", "ESCALATED" -> f[2]++;
                        case "HANDED_OVER" -> f[3]++;
                        default -> f[4]++;
                    }
                });
        jdbc.sql("select blower_chief_id from roads_whistle where blown_at >= ? and blown_at < ? and blower_chief_id is not null")
                .params(Sql.ts(from), Sql.ts(to))
                .query(rs -> {
                    figures.computeIfAbsent(rs.getLong(1), k -> new int[6])[5]++;
                });
        List<ChiefRow> rows = new ArrayList<>();
        figures.forEach((chiefId, f) -> data.chief(chiefId).ifPresent(c -> rows.add(new ChiefRow(c.code(), c.name(),
                c.level(), c.squadName() != null ? c.squadName() : c.areaName() != null ? c.areaName() : "",
                f[0], f[1], f[2], f[3], f[4], f[5]))));
        rows.sort(java.util.Comparator.comparingInt(ChiefRow::level).thenComparing(ChiefRow::code));
        return rows;
    }

    private static Double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static final class Counts {
        int found, fixed, escalated, handedOver, overdue;

        void add(Counts o) {
            found += o.found;
            fixed += o.fixed;
            escalated += o.escalated;
            handedOver += o.handedOver;
            overdue += o.overdue;
        }
    }

    private static final class WhistleFigures {
        int whistles, responders, ackInTime, reportInTime, reported, rated, ratingSum;
        double minutesToReport;

        void add(WhistleFigures o) {
            whistles += o.whistles;
            responders += o.responders;
            ackInTime += o.ackInTime;
            reportInTime += o.reportInTime;
            reported += o.reported;
            rated += o.rated;
            ratingSum += o.ratingSum;
            minutesToReport += o.minutesToReport;
        }
    }
}
