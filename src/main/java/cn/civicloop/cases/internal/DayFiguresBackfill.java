package cn.civicloop.cases.internal;

import java.time.LocalDate;

import org.flywaydb.core.api.migration.Context;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import cn.civicloop.shared.DataMigration;

/**
 * Flyway V171: the daily figures of the cases stored before V170, computed by the same statements as a rebuild
 * ({@link DayFigureRebuild}) over every day; on a database without cases it does nothing.
 */
public class DayFiguresBackfill extends DataMigration {

    public DayFiguresBackfill() {
        super("171", "case day figures (fill from existing cases)");
    }

    @Override
    public void migrate(Context context) throws Exception {
        boolean postgres = onPostgres(context.getConnection());
        JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(context.getConnection(), true));
        DayFigureRebuild.rebuild(jdbc, postgres, LocalDate.of(2000, 1, 1), LocalDate.of(2100, 1, 1), false);
    }
}
