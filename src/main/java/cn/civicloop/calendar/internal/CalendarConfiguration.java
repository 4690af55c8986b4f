package cn.civicloop.calendar.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.civicloop.calendar.BusinessCalendar;

/**
 * Wires the calendar: office hours from {@code civicloop.calendar.office-hours} (default
 * {@value OfficeHours#DEFAULT}), days from the table through the cache. A malformed setting stops the start-up.
 */
@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

    @Bean
    CachedDayKinds calendarDayKinds(CalendarDays store) {
        return new CachedDayKinds(store::allKinds, System::nanoTime, CachedDayKinds.MAX_AGE);
    }

    @Bean
    BusinessCalendar businessCalendar(CachedDayKinds days,
            @Value("${civicloop.calendar.office-hours:" + OfficeHours.DEFAULT + "}") String officeHours) {
        return new WorkingTime(WorkingTime.DISTRICT_ZONE, OfficeHours.parse(officeHours), days);
    }
}
