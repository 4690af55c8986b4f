package cn.civicloop.calendar.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Settings of the business calendar ({@code civicloop.calendar.*}).
 *
 * @param officeHours  the office hours of a working day, Asia/Shanghai, as {@code HH:mm-HH:mm} ranges separated by
 *                     commas; default {@value OfficeHours#DEFAULT}. A malformed value stops the start-up.
 * @param holidaysFile the public holidays and adjusted workdays loaded into an empty calendar (CSV
 *                     {@code date,kind,name}); admins edit the calendar afterwards
 */
@ConfigurationProperties("civicloop.calendar")
@Validated
record CalendarProperties(@NotBlank @DefaultValue(OfficeHours.DEFAULT) String officeHours,
        @NotNull @DefaultValue("classpath:calendar/holidays-cn.csv") Resource holidaysFile) {
}
