package cn.civicloop.calendar.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import cn.civicloop.calendar.CalendarAdministration;
import cn.civicloop.shared.AuditTrail;
import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.shared.NotFoundException;
import cn.civicloop.shared.Phrase;
import cn.civicloop.shared.Text;

/** {@link CalendarAdministration}: the checks of calendar administration, for the admin page and the JSON admin API. */
@Service
class CalendarAdministrationService implements CalendarAdministration {

    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2099;

    private final CalendarDays store;
    private final CachedDayKinds cache;
    private final AuditTrail audit;

    CalendarAdministrationService(CalendarDays store, CachedDayKinds cache, AuditTrail audit) {
        this.store = store;
        this.cache = cache;
        this.audit = audit;
    }

    @Override
    public YearView year(int year) {
        checkYear("year", year);
        List<CalendarDay> days = store.ofYear(year);
        Map<LocalDate, DayKind> kinds = days.stream().collect(Collectors.toMap(CalendarDay::date, CalendarDay::kind));
        int working = 0;
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            working += CalendarDay.isWorkingDay(d, kinds.get(d)) ? 1 : 0;
        }
        return new YearView(year, working, days.stream().map(CalendarAdministrationService::view).toList());
    }

    @Override
    public DeclaredDay declare(LocalDate date, Kind kind, String name) {
        if (date == null) {
            throw new InvalidInputException("date", Phrase.of("problem.calendar.date-required", "请选择日期"));
        }
        checkYear("date", date.getYear());
        if (kind == null) {
            throw new InvalidInputException("kind", Phrase.of("problem.calendar.kind-required", "请选择类型"));
        }
        if (kind == Kind.WORKDAY && !CalendarDay.isWeekend(date)) {
            throw new InvalidInputException("kind",
                    Phrase.of("problem.calendar.workday-on-weekend-only", "只有周六、周日可以设为调休上班"));
        }
        String clean = Text.cleanOrNull(name);
        if (clean == null) {
            throw new InvalidInputException("name", Phrase.of("problem.calendar.name-required", "名称不能为空"));
        }
        if (clean.length() > CalendarDay.MAX_NAME_LENGTH) {
            throw new InvalidInputException("name",
                    Phrase.of("problem.calendar.name-too-long", "名称最多 {0} 个字", CalendarDay.MAX_NAME_LENGTH));
        }
        CalendarDay day = new CalendarDay(date, DayKind.valueOf(kind.name()), clean);
        DeclaredDay before = store.find(date).map(CalendarAdministrationService::view).orElse(null);
        store.save(day);
        cache.refresh();
        audit.change("CONFIG_CHANGE", "calendar " + date, before, view(day));
        return view(day);
    }

    @Override
    public void remove(LocalDate date) {
        DeclaredDay before = store.find(date).map(CalendarAdministrationService::view).orElse(null);
        if (!store.delete(date)) {
            throw new NotFoundException(
                    Phrase.of("problem.calendar.nothing-declared", "{0} 没有节假日或调休记录", date));
        }
        cache.refresh();
        audit.change("CONFIG_CHANGE", "calendar " + date, before, null);
    }

    private static DeclaredDay view(CalendarDay d) {
        return new DeclaredDay(d.date(), Kind.valueOf(d.kind().name()), d.name());
    }

    private static void checkYear(String field, int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new InvalidInputException(field,
                    Phrase.of("problem.calendar.year-out-of-range", "年份须在 {0}–{1} 之间", FIRST_YEAR, LAST_YEAR));
        }
    }
}
