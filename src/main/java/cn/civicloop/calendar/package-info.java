/**
 * Business calendar (工作日历): working hours and working days of the district, with the public holidays and the
 * adjusted workdays (调休) of each year as data that admins can edit, in the district's time zone (Asia/Shanghai).
 * Answers "N working hours/days after T" and "how much working time lies between A and B". Knows nothing of cases.
 * <p>
 * Admins keep the days at {@code /admin/calendar} and {@code /api/v1/admin/calendar/**} (the directory's roles name
 * the owners).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Business calendar (工作日历)",
        allowedDependencies = {"shared", "directory"})
package cn.civicloop.calendar;
