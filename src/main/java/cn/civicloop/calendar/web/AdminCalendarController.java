package cn.civicloop.calendar.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.civicloop.calendar.CalendarAdministration;
import cn.civicloop.shared.DistrictTime;
import cn.civicloop.shared.DomainException;
import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.shared.Phrase;
import cn.civicloop.shared.web.FormValues;
import jakarta.servlet.http.HttpServletResponse;

/** Holidays and adjusted workdays (工作日历). Owner role: ADMIN (see CalendarEndpoints). */
@Controller
class AdminCalendarController {

    private final CalendarAdministration calendar;
    private final Clock clock;

    AdminCalendarController(CalendarAdministration calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    @GetMapping("/admin/calendar")
    String year(@RequestParam(required = false) Integer year, Model model, HttpServletResponse response) {
        int y = year == null ? LocalDate.now(clock.withZone(DistrictTime.ZONE)).getYear() : year;
        FormValues form = new FormValues(Map.of("kind", "HOLIDAY"));
        try {
            return show(model, calendar.year(y), form);
        } catch (DomainException | DataIntegrityViolationException e) {
            form.refused(e);
            response.setStatus(FormValues.status(e));
            return show(model, calendar.year(LocalDate.now(clock.withZone(DistrictTime.ZONE)).getYear()), form);
        }
    }

    @PostMapping("/admin/calendar/days")
    String declare(@RequestParam Map<String, String> params, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        FormValues form = new FormValues(params);
        LocalDate date = null;
        try {
            date = date(form.text("date"));
            CalendarAdministration.Kind kind = form.choice("kind", CalendarAdministration.Kind.class);
            form.throwIfInvalid();
            var day = calendar.declare(date, kind, form.text("name"));
            flash.addFlashAttribute("saved", day.date() + " " + day.name());
            return "redirect:/admin/calendar?year=" + day.date().getYear();
        } catch (DomainException | DataIntegrityViolationException e) {
            form.refused(e);
            response.setStatus(FormValues.status(e));
            int year = date != null && date.getYear() >= 2000 && date.getYear() <= 2099 ? date.getYear()
                    : LocalDate.now(clock.withZone(DistrictTime.ZONE)).getYear();
            return show(model, calendar.year(year), form);
        }
    }

    @PostMapping("/admin/calendar/days/{date}/delete")
    String remove(@PathVariable String date, RedirectAttributes flash) {
        LocalDate d = date(date);
        calendar.remove(d);
        flash.addFlashAttribute("saved", d.toString());
        return "redirect:/admin/calendar?year=" + d.getYear();
    }

    private static LocalDate date(String text) {
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("date",
                    Phrase.of("problem.calendar.date-format", "日期格式应为 yyyy-MM-dd，例如 2027-10-01"));
        }
    }

    private String show(Model model, CalendarAdministration.YearView year, FormValues form) {
        model.addAttribute("year", year);
        model.addAttribute("kinds", CalendarAdministration.Kind.values());
        model.addAttribute("values", form.values());
        model.addAttribute("errors", form.errors());
        return "calendar/admin-calendar";
    }
}
