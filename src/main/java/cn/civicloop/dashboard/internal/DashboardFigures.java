package cn.civicloop.dashboard.internal;

import java.time.Clock;
import java.time.Duration;
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
     * The figures are district-wide and the same for every viewer: the page (its KPI tiles and tables) and the
     * charts' data of every leader and operator watching share one computation per 5 s, and are served the previous
     * figures while one of them refreshes ({@link SharedFigures}).
     */
    private final SharedFigures<Locale, Data> recent = new SharedFigures<>(REFRESH);

    static final Duration REFRESH = Duration.ofSeconds(5);

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

    /** @param asOf when the figures were computed (they are at most {@link #REFRESH} old when served) */
    public record Data(CaseStatistics.Kpis kpis, List<Bar> intake, List<Named> departments, List<Named> streets,
            List<CaseStatistics.DayFlow> trend, List<Point> points, Instant asOf) {
    }

    /** The shared figures (the page and its charts read the same). */
    public Data data(Locale locale) {
        return recent.get(locale, this::compute);
    }

    /**
     * The next viewer computes the figures afresh and waits for them, instead of being served the figures of the
     * last few seconds: for a test that counts what it has just done.
     */
    public void forget() {
        recent.forget();
    }

    private List<Named> departments(Instant now, Locale locale) {
        return statistics.loadByDepartment(now).stream().map(l -> new Named(
                l.departmentId() == null ? NONE : l.departmentId().toString(),
                l.departmentId() == null ? text("dashboard.unassigned", locale)
                        : directory.department(l.departmentId()).map(Department::name).orElse("#" + l.departmentId()),
                l.open(), l.overdue())).toList();
    }

    private List<Named> streets(Instant now, Locale locale) {
        return statistics.loadByStreet(now).stream().map(l -> new Named(
                l.streetCode() == null ? NONE : l.streetCode(),
                l.streetCode() == null ? text("dashboard.unplaced", locale)
                        : directory.area(l.streetCode()).map(Area::name).orElse(l.streetCode()),
                l.open(), l.overdue())).toList();
    }

    private Data compute(Locale locale) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, DistrictTime.ZONE);
        List<Bar> intake = statistics.intakeByChannel(today).stream().map(c -> new Bar(c.channel().name(),
                text("dashboard.channel." + c.channel().name(), c.channel().label(), locale), c.count())).toList();
        List<Point> points = statistics.openPoints(now, MAX_POINTS).stream().map(p -> new Point(p.number(), p.title(),
                text("dashboard.status." + p.status().name(), p.status().label(), locale), p.lat(), p.lon(),
                p.overdue())).toList();
        return new Data(statistics.kpis(now), intake, departments(now, locale), streets(now, locale),
                statistics.trend(now, TREND_DAYS), points, now);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private String text(String key, String fallback, Locale locale) {
        return locale.getLanguage().equals("en") ? messages.getMessage(key, null, fallback, locale) : fallback;
    }
}
