package cn.civicloop.calendar.web;

import java.time.LocalDate;

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

import cn.civicloop.calendar.CalendarAdministration;
import cn.civicloop.calendar.CalendarAdministration.DeclaredDay;
import cn.civicloop.calendar.CalendarAdministration.Kind;
import cn.civicloop.calendar.CalendarAdministration.YearView;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Admins keep the holidays and adjusted workdays (调休) of each year, e.g. when the State Council publishes the
 * next year's arrangement. Owner role: ADMIN (see CalendarEndpoints). The rules are {@link CalendarAdministration}'s,
 * which the admin page uses too; an edit takes effect on this instance at once and on the others within a minute.
 */
@RestController
@RequestMapping("/api/v1/admin/calendar")
@Tag(name = "admin-calendar", description = "Holidays and adjusted workdays (ADMIN only)")
class CalendarAdminController {

    private final CalendarAdministration calendar;

    CalendarAdminController(CalendarAdministration calendar) {
        this.calendar = calendar;
    }

    record DayChange(@NotNull Kind kind, @NotBlank @Size(max = CalendarAdministration.MAX_NAME_LENGTH) String name) {
    }

    @GetMapping("/{year}")
    YearView year(@PathVariable int year) {
        return calendar.year(year);
    }

    @PutMapping("/days/{date}")
    DeclaredDay put(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @Valid @RequestBody DayChange change) {
        return calendar.declare(date, change.kind(), change.name());
    }

    @DeleteMapping("/days/{date}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        calendar.remove(date);
    }
}
