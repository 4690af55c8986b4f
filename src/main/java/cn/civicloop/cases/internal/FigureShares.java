package cn.civicloop.cases.internal;

import java.sql.DatabaseMetaData;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * The share of the daily figures of a packed case (ADR 0068). A case is packed only while it is ended and its row
 * stays as it is until a step restores the case ({@link Timeline#unpack}, always before the command changes the
 * row): so while it is packed, what it adds to the figures is what its row adds, and its row of
 * {@code cases_figure_share} is dropped at the packing ({@link #release}) and written back from the row at the
 * restoring ({@link #restore}), where the figures' listener finds it as the "before" of the command.
 */
@Component
class FigureShares {

    private static final String COLUMNS = "case_id, department_id, street_code, channel, opened_day, ended_day, "
            + "ended_status, on_time, answered, satisfied";

    private final JdbcClient jdbc;
    private final String shareColumns;

    @Autowired
    FigureShares(JdbcClient jdbc, DayFigureRebuild rebuild) {
        this(jdbc, rebuild.shareColumns());
    }

    private FigureShares(JdbcClient jdbc, String shareColumns) {
        this.jdbc = jdbc;
        this.shareColumns = shareColumns;
    }

    /** For code built without the application (migration tests, benchmarks): the SQL of this database's kind. */
    static FigureShares of(JdbcClient jdbc, DataSource dataSource) {
        try {
            return of(jdbc, "PostgreSQL".equals(
                    JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName)));
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    static FigureShares of(JdbcClient jdbc, boolean postgres) {
        return new FigureShares(jdbc, DayFigureRebuild.shareColumns(postgres));
    }

    /**
     * At the packing, the case's row locked by the caller: drops its share when the share is what the row adds. A
     * share that differs is one the figures' listener has not yet brought up to date (its event still to come): it
     * stays, and the listener updates it as for any case.
     */
    void release(long caseId) {
        Optional<FigureShare> kept = jdbc.sql("select * from cases_figure_share where case_id = ? for update")
                .param(caseId).query((rs, n) -> FigureShare.read(rs)).optional();
        if (kept.isPresent() && kept.get().equals(ofRow(caseId))) {
            jdbc.sql("delete from cases_figure_share where case_id = ?").param(caseId).update();
        }
    }

    /**
     * At the restoring, before the command changes the case's row: its share as the row adds it, unless kept. The
     * key decides, not a look beforehand: a share the figures' listener writes at the same moment is kept, where a
     * "not exists" seen before that commit would fail on the duplicate key.
     */
    void restore(long caseId) {
        jdbc.sql("insert into cases_figure_share (" + COLUMNS + ") select id, " + shareColumns
                + " from cases_case where id = ? on conflict do nothing").param(caseId).update();
    }

    /** Whether the case is packed: a packed case without a share counts as its row (the listener's check). */
    boolean packed(long caseId) {
        return jdbc.sql("select count(*) from cases_timeline_packed where case_id = ?").param(caseId)
                .query(Long.class).single() > 0;
    }

    private FigureShare ofRow(long caseId) {
        return jdbc.sql("select " + shareColumns + " from cases_case where id = ?").param(caseId)
                .query((rs, n) -> FigureShare.read(rs)).single();
    }
}
