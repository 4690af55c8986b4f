package cn.civicloop.cases.internal;

import java.time.LocalDate;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Flyway V171: the daily figures of the cases stored before V170, computed by the same statements as a rebuild
 * ({@link DayFigureRebuild}) over every day; on a database without cases it does nothing.
 */
public class DayFiguresBackfill implements JavaMigration {

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("171");
    }

    @Override
    public String getDescription() {
        return "case day figures (fill from existing cases)";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        boolean postgres = "PostgreSQL".equals(context.getConnection().getMetaData().getDatabaseProductName());
        JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(context.getConnection(), true));
        DayFigureRebuild.rebuild(jdbc, postgres, LocalDate.of(2000, 1, 1), LocalDate.of(2100, 1, 1));
    }
}
