package cn.civicloop.dashboard.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.civicloop.cases.CaseStatistics;
import cn.civicloop.directory.Area;
import cn.civicloop.directory.Department;
import cn.civicloop.directory.Directory;
import cn.civicloop.shared.DistrictTime;

/** Turns the case statistics into what the overview shows: names instead of ids, labels in the reader's language. */
@Component
public class DashboardFigures {

    static final int TREND_DAYS = 30;
    /** The key of the bar of cases without a department or a street, as the case list reads it. */
    static final String NONE = "none";
    static final int MAX_POINTS = 2000;

    private final CaseStatistics statistics;
    private final Directory directory;
    private final MessageSource messages;
    private final Clock clock;
    /**
     * The charts' data is district-wide and the same for every viewer: several leaders and operators watching the
     * same figures share one computation per 5 s, and are served the previous figures while one of them refreshes
     * ({@link SharedFigures}); the KPI numbers in the page itself are computed fresh.
     */
    private final SharedFigures<Locale, Data> recent = new SharedFigures<>(java.time.Duration.ofSeconds(5));

    DashboardFigures(CaseStatistics statistics, Directory directory, MessageSource messages, Clock clock) {
        this.statistics = statistics;
        this.directory = directory;
        this.messages = messages;
        this.clock = clock;
    }

    public record Named(String key, String name, long open, long overdue) {
    }

    public record Bar(String key, String name, long count) {
    }

    public record Point(String number, String title, String status, double lat, double lon, boolean overdue) {
    }

    public record Data(CaseStatistics.Kpis kpis, List<Bar> intake, List<Named> departments, List<Named> streets,
            List<CaseStatistics.DayFlow> trend, List<Point> points) {
    }

    public CaseStatistics.Kpis kpis() {
        return statistics.kpis(clock.instant());
    }

    public List<Named> departments(Locale locale) {
        return statistics.loadByDepartment(clock.instant()).stream().map(l -> new Named(
                l.departmentId() == null ? NONE : l.departmentId().toString(),
                l.departmentId() == null ? text("dashboard.unassigned", locale)
                        : directory.department(l.departmentId()).map(Department::name).orElse("#" + l.departmentId()),
                l.open(), l.overdue())).toList();
    }

    public List<Named> streets(Locale locale) {
        return statistics.loadByStreet(clock.instant()).stream().map(l -> new Named(
                l.streetCode() == null ? NONE : l.streetCode(),
                l.streetCode() == null ? text("dashboard.unplaced", locale)
                        : directory.area(l.streetCode()).map(Area::name).orElse(l.streetCode()),
                l.open(), l.overdue())).toList();
    }

    public Data data(Locale locale) {
        return recent.get(locale, this::compute);
    }

    private Data compute(Locale locale) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, DistrictTime.ZONE);
        List<Bar> intake = statistics.intakeByChannel(today).stream().map(c -> new Bar(c.channel().name(),
                text("dashboard.channel." + c.channel().name(), c.channel().label(), locale), c.count())).toList();
        List<Point> points = statistics.openPoints(now, MAX_POINTS).stream().map(p -> new Point(p.number(), p.title(),
                text("dashboard.status." + p.status().name(), p.status().label(), locale), p.lat(), p.lon(),
                p.overdue())).toList();
        return new Data(statistics.kpis(now), intake, departments(locale), streets(locale),
                statistics.trend(now, TREND_DAYS), points);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private String text(String key, String fallback, Locale locale) {
        return locale.getLanguage().equals("en") ? messages.getMessage(key, null, fallback, locale) : fallback;
    }
}
