package cn.civicloop.cases.internal;

import java.sql.DatabaseMetaData;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.civicloop.cases.CaseStatus;
import cn.civicloop.cases.DayFigures;
import cn.civicloop.shared.DistrictTime;

/**
 * Recomputes the daily figures of a range of days from {@code cases_case}: the shares of the cases opened or ended
 * in the range, then the rows of those days from those shares (in day order: a day's rows lie together), then the
 * days' totals per channel; the shares of the packed cases among them are dropped again (ADR 0068). One SQL
 * definition of a case's share ({@link #shareColumns}) serves this and the listener ({@link DayFigureUpdates}), so
 * both count alike.
 */
@Service
class DayFigureRebuild implements DayFigures {

    private static final String ENDED = "status in (" + Arrays.stream(CaseStatus.values()).filter(CaseStatus::ended)
            .map(s -> "'" + s.name() + "'").collect(Collectors.joining(", ")) + ")";

    /**
     * What a row of {@code cases_case} adds to the figures, named like the columns of {@code cases_figure_share}.
     * Days are the district's ({@link DistrictTime#daySql}).
     */
    static String shareColumns(boolean postgres) {
        return "coalesce(department_id, 0) as department_id, coalesce(street_code, '') as street_code, channel, "
                + day("created_at", postgres) + " as opened_day, "
                + "case when " + ENDED + " then " + day("closed_at", postgres) + " end as ended_day, "
                + "case when " + ENDED + " then status end as ended_status, "
                + "coalesce(status = 'CLOSED' and closed_at <= due_at, false) as on_time, "
                + "coalesce(" + ENDED + " and satisfaction is not null, false) as answered, "
                + "coalesce(" + ENDED + " and satisfaction in ('SATISFIED', 'BASICALLY_SATISFIED'), false) as satisfied";
    }

    private static String day(String column, boolean postgres) {
        return DistrictTime.daySql(column, postgres);
    }

    private static final String SHARE_TABLE = "case_id, department_id, street_code, channel, opened_day, ended_day, "
            + "ended_status, on_time, answered, satisfied";
    private static final String IN_RANGE = "(created_at >= :start and created_at < :end) "
            + "or (closed_at >= :start and closed_at < :end)";

    private final JdbcClient jdbc;
    private final boolean postgres;

    DayFigureRebuild(JdbcClient jdbc, DataSource dataSource) throws MetaDataAccessException {
        this.jdbc = jdbc;
        this.postgres = "PostgreSQL".equals(
                JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
    }

    /** {@link #shareColumns(boolean)} of this database. */
    String shareColumns() {
        return shareColumns(postgres);
    }

    @Override
    @Transactional
    public int rebuild(LocalDate from, LocalDate to) {
        return rebuild(jdbc, postgres, from, to, true);
    }

    /**
     * Also run by the migration that fills the figures of a database that already holds cases (V171), before the
     * archive's table exists: {@code packed} false leaves out the drop of the packed cases' shares.
     */
    static int rebuild(JdbcClient jdbc, boolean postgres, LocalDate from, LocalDate to, boolean packed) {
        Timestamp start = Timestamp.from(from.atStartOfDay(DistrictTime.ZONE).toInstant());
        Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(DistrictTime.ZONE).toInstant());
        jdbc.sql("delete from cases_figure_share where case_id in (select id from cases_case where " + IN_RANGE + ")")
                .param("start", start).param("end", end).update();
        // a case whose share the figures' listener wrote after the delete above (a case intake just opened) keeps the
        // listener's share: it was read from the case's row as late as this one, and a duplicate would fail the rebuild
        int cases = jdbc.sql("insert into cases_figure_share (" + SHARE_TABLE + ") select id, " + shareColumns(postgres)
                + " from cases_case where " + IN_RANGE + " on conflict do nothing").param("start", start)
                .param("end", end).update();
        jdbc.sql("delete from cases_day_figures where on_day >= :from and on_day <= :to").param("from", from)
                .param("to", to).update();
        // each half reads the shares of the cases the range's index finds (created_at, closed_at), not all shares
        jdbc.sql("""
                insert into cases_day_figures (on_day, department_id, street_code, channel, opened, closed,
                    closed_on_time, declined, voided, answered, satisfied)
                select on_day, department_id, street_code, channel, sum(opened), sum(closed), sum(closed_on_time),
                    sum(declined), sum(voided), sum(answered), sum(satisfied)
                from (
                    select opened_day as on_day, department_id, street_code, channel, 1 as opened, 0 as closed,
                        0 as closed_on_time, 0 as declined, 0 as voided, 0 as answered, 0 as satisfied
                    from cases_figure_share
                    where case_id in (select id from cases_case where created_at >= :start and created_at < :end)
                    union all
                    select ended_day, department_id, street_code, channel, 0,
                        case when ended_status = 'CLOSED' then 1 else 0 end, case when on_time then 1 else 0 end,
                        case when ended_status = 'DECLINED' then 1 else 0 end,
                        case when ended_status = 'VOIDED' then 1 else 0 end,
                        case when answered then 1 else 0 end, case when satisfied then 1 else 0 end
                    from cases_figure_share
                    where ended_day is not null
                      and case_id in (select id from cases_case where closed_at >= :start and closed_at < :end)
                ) marks
                group by on_day, department_id, street_code, channel
                order by on_day""")
                .param("start", start).param("end", end).update();
        // a packed case keeps no share: its row is its share until a step restores it (ADR 0068, FigureShares)
        if (packed) {
            jdbc.sql("delete from cases_figure_share where case_id in (select id from cases_case where (" + IN_RANGE
                    + ") and id in (select case_id from cases_timeline_packed))")
                    .param("start", start).param("end", end).update();
        }
        jdbc.sql("delete from cases_day_totals where on_day >= :from and on_day <= :to").param("from", from)
                .param("to", to).update();
        jdbc.sql("""
                insert into cases_day_totals (on_day, channel, opened, closed, closed_on_time, declined, voided,
                    answered, satisfied)
                select on_day, channel, sum(opened), sum(closed), sum(closed_on_time), sum(declined), sum(voided),
                    sum(answered), sum(satisfied)
                from cases_day_figures where on_day >= :from and on_day <= :to
                group by on_day, channel""").param("from", from).param("to", to).update();
        return cases;
    }
}
