/**
 * Leader overview (领导驾驶舱): the district's figures at a glance for district leaders, the hotline's operators and
 * the district centre's dispatchers — intake by channel today, open and overdue cases by department and by street,
 * the map of open cases, the 30-day trend and the KPI tiles, with drill-down into the case list. Page
 * {@code /dashboard}, its charts' data {@code /dashboard/data}.
 * <p>
 * Read-only: it computes nothing of its own beyond names and labels, asking {@code cases}' statistics and the
 * directory; it has no tables and changes nothing.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Leader overview (领导驾驶舱)",
        allowedDependencies = {"shared", "cases", "directory", "security"})
package cn.civicloop.dashboard;
