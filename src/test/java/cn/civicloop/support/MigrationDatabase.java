package cn.civicloop.support;

import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A database of a migration test's own, migrated step by step by the test: an H2 in memory, or a fresh schema on the
 * test PostgreSQL server ({@code CIVICLOOP_DB_URL}), dropped by {@link #drop()}. For tests that store rows as an
 * older version held them and then check what a later migration makes of them.
 */
public final class MigrationDatabase {

    private final String schema;
    private final DataSource dataSource;

    private MigrationDatabase(String prefix) {
        this.schema = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        this.dataSource = connect(schema);
    }

    public static MigrationDatabase create(String prefix) {
        return new MigrationDatabase(prefix);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Flyway on this database with the application's locations; without a runtime role to grant (afterMigrate). */
    public FluentConfiguration flyway() {
        String vendor = Node.onPostgres() ? "postgresql" : "h2";
        FluentConfiguration config = Flyway.configure().dataSource(dataSource)
                .placeholders(Map.of("runtime_role", ""))
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor);
        return Node.onPostgres() ? config.schemas(schema).createSchemas(true) : config;
    }

    /**
     * The last migration before {@code version} (e.g. V14 before "15", or V13 on a branch without V14), as Flyway
     * names the target a test migrates to before it stores rows the way that version held them.
     */
    public MigrationVersion versionBefore(String version) {
        MigrationVersion next = MigrationVersion.fromVersion(version);
        return Arrays.stream(flyway().load().info().all()).map(MigrationInfo::getVersion)
                .filter(v -> v != null && v.compareTo(next) < 0).max(MigrationVersion::compareTo).orElseThrow();
    }

    /** Drops the schema on PostgreSQL; the in-memory H2 goes with the JVM. */
    public void drop() {
        if (Node.onPostgres()) {
            JdbcClient.create(dataSource).sql("drop schema " + schema + " cascade").update();
        }
    }

    private static DataSource connect(String schema) {
        if (!Node.onPostgres()) {
            return new DriverManagerDataSource("jdbc:h2:mem:" + schema
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        }
        String url = env("CIVICLOOP_DB_URL", "jdbc:postgresql://127.0.0.1:5432/civicloop");
        String user = env("CIVICLOOP_DB_USER", "postgres");
        String password = env("CIVICLOOP_DB_PASSWORD", "");
        JdbcClient.create(new DriverManagerDataSource(url, user, password)).sql("create schema " + schema).update();
        return new DriverManagerDataSource(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, user,
                password);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
