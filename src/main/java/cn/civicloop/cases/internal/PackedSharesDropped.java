package cn.civicloop.cases.internal;

import org.flywaydb.core.api.migration.Context;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import cn.civicloop.shared.DataMigration;

/**
 * Flyway V560 (ADR 0068): the cases packed before keep no share of the daily figures, as the archive packs them now
 * ({@link FigureShares#release}): a packed case's share is dropped when it is what the case's row adds; one that
 * differs (the figures' listener behind) stays. One statement; on a database without packed cases it deletes
 * nothing. Java, not SQL: the district's day of a time is written differently on each database
 * ({@link DayFigureRebuild#shareColumns(boolean)}).
 */
public class PackedSharesDropped extends DataMigration {

    public PackedSharesDropped() {
        super("560", "case figure shares of packed cases dropped");
    }

    @Override
    public void migrate(Context context) throws Exception {
        boolean postgres = onPostgres(context.getConnection());
        JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(context.getConnection(), true));
        jdbc.sql("""
                delete from cases_figure_share where case_id in (
                    select s.case_id from cases_figure_share s
                    join cases_timeline_packed p on p.case_id = s.case_id
                    join (select id, %s from cases_case) c on c.id = s.case_id
                    where s.department_id = c.department_id and s.street_code = c.street_code
                      and s.channel = c.channel and s.opened_day is not distinct from c.opened_day
                      and s.ended_day is not distinct from c.ended_day
                      and s.ended_status is not distinct from c.ended_status
                      and s.on_time = c.on_time and s.answered = c.answered and s.satisfied = c.satisfied)"""
                .formatted(DayFigureRebuild.shareColumns(postgres))).update();
    }
}
