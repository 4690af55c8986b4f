package cn.civicloop.calendar;

import java.time.LocalDate;
import java.util.List;

/**
 * Admin commands on the business calendar: the public holidays and adjusted workdays (调休) of each year
 * (owner role: ADMIN — the caller checks). A refusal is a {@link cn.civicloop.shared.DomainException} naming the field.
 */
public interface CalendarAdministration {

    /** The longest name of a declared day (国庆节调休上班). */
    int MAX_NAME_LENGTH = 40;

    /** The declared days of {@code year} (2000–2099) and how many working days the year has with them. */
    YearView year(int year);

    /** Declares {@code date} a holiday, or a Saturday/Sunday a workday; replaces an earlier declaration. */
    DeclaredDay declare(LocalDate date, Kind kind, String name);

    /** Removes the declaration of {@code date}; the plain Monday–Friday rule applies again. */
    void remove(LocalDate date);

    enum Kind {
        /** 法定节假日 or a day off moved by 调休. */
        HOLIDAY,
        /** A Saturday or Sunday on which offices work (调休上班). */
        WORKDAY
    }

    record DeclaredDay(LocalDate date, Kind kind, String name) {
    }

    record YearView(int year, int workingDays, List<DeclaredDay> days) {
    }
}
