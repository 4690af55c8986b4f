package cn.civicloop.calendar.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.shared.NotFoundException;
import cn.civicloop.shared.Text;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Admins keep the holidays and adjusted workdays (调休) of each year, e.g. when the State Council publishes the
 * next year's arrangement. Owner role: ADMIN (the API security chain guards {@code /api/v1/admin/**}). An edit
 * takes effect on this instance at once and on the others within {@link CachedDayKinds#MAX_AGE}.
 */
@RestController
@RequestMapping("/api/v1/admin/calendar")
@Tag(name = "admin-calendar", description = "工作日历管理 (holidays and adjusted workdays, ADMIN only)")
class CalendarAdminController {

    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2099;

    private final CalendarDays store;
    private final CachedDayKinds cache;

    CalendarAdminController(CalendarDays store, CachedDayKinds cache) {
        this.store = store;
        this.cache = cache;
    }

    record DayChange(@NotNull DayKind kind, @NotBlank @Size(max = CalendarDay.MAX_NAME_LENGTH) String name) {
    }

    /** The declared days of a year and how many working days the year has with them. */
    record YearView(int year, int workingDays, List<CalendarDay> days) {
    }

    @GetMapping("/{year}")
    YearView year(@PathVariable int year) {
        checkYear("year", year);
        List<CalendarDay> days = store.ofYear(year);
        // counted from the rows just read, not the cache: the answer agrees with itself even right after an edit
        Map<LocalDate, DayKind> kinds = days.stream().collect(Collectors.toMap(CalendarDay::date, CalendarDay::kind));
        int working = 0;
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            working += CalendarDay.isWorkingDay(d, kinds.get(d)) ? 1 : 0;
        }
        return new YearView(year, working, days);
    }

    @PutMapping("/days/{date}")
    CalendarDay put(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @Valid @RequestBody DayChange change) {
        checkYear("date", date.getYear());
        if (change.kind() == DayKind.WORKDAY && !CalendarDay.isWeekend(date)) {
            throw new InvalidInputException("kind",
                    "只有周六、周日可以设为调休上班 (only a Saturday or Sunday can be declared a workday)");
        }
        String name = Text.cleanOrNull(change.name());
        if (name == null) {
            throw new InvalidInputException("name", "名称不能为空 (a name is required)");
        }
        CalendarDay day = new CalendarDay(date, change.kind(), name);
        store.save(day);
        cache.refresh();
        return day;
    }

    @DeleteMapping("/days/{date}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        if (!store.delete(date)) {
            throw new NotFoundException("该日期没有节假日或调休记录 (no holiday or workday on " + date + ")");
        }
        cache.refresh();
    }

    private static void checkYear(String field, int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new InvalidInputException(field, "年份须在 " + FIRST_YEAR + "–" + LAST_YEAR + " 之间 (year out of range)");
        }
    }
}
