package cn.civicloop.cases;

import java.time.LocalDate;

/**
 * The cases' daily figures (opened, closed, closed in time, declined, voided, answered, satisfied per day ×
 * department × street × channel), kept up to date from the cases' own events; this recomputes them from the cases.
 */
public interface DayFigures {

    /**
     * Recomputes the figures of the days {@code from} to {@code to} (Asia/Shanghai, both included) from the cases
     * opened or ended on those days, and what those cases add to the figures. Safe while intake writes those days:
     * a case whose share the figures' listener writes at the same moment keeps that share.
     *
     * @return the cases whose share the rebuild wrote (those the listener wrote meanwhile not counted)
     */
    int rebuild(LocalDate from, LocalDate to);
}
