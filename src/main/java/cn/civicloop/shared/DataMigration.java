package cn.civicloop.shared;

import java.sql.Connection;
import java.sql.SQLException;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A Flyway migration written in Java because it rewrites existing rows with the application's own functions (search
 * terms, daily figures, the audit chain). Its version and description are given by the subclass, which Flyway finds
 * as a bean; it has no checksum, since its behaviour is the code's, and runs in the migration's transaction so that
 * a failure leaves nothing half-written.
 */
public abstract class DataMigration implements JavaMigration {

    private final MigrationVersion version;
    private final String description;

    protected DataMigration(String version, String description) {
        this.version = MigrationVersion.fromVersion(version);
        this.description = description;
    }

    @Override
    public final MigrationVersion getVersion() {
        return version;
    }

    @Override
    public final String getDescription() {
        return description;
    }

    @Override
    public final Integer getChecksum() {
        return null;
    }

    @Override
    public final boolean canExecuteInTransaction() {
        return true;
    }

    /** Whether the migration runs on PostgreSQL (otherwise the embedded H2 in PostgreSQL mode). */
    protected static boolean onPostgres(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
    }
}
