package cn.civicloop.calendar.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.civicloop.calendar.BusinessCalendar;

/**
 * Wires the calendar: office hours from {@code civicloop.calendar.office-hours} (default
 * {@value OfficeHours#DEFAULT}), days from the table through the cache. A malformed setting stops the start-up.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CalendarProperties.class)
class CalendarConfiguration {

    @Bean
    CachedDayKinds calendarDayKinds(CalendarDays store) {
        return new CachedDayKinds(store::allKinds, System::nanoTime, CachedDayKinds.MAX_AGE);
    }

    @Bean
    BusinessCalendar businessCalendar(CachedDayKinds days, CalendarProperties settings) {
        return new WorkingTime(WorkingTime.DISTRICT_ZONE, OfficeHours.parse(settings.officeHours()), days);
    }
}
