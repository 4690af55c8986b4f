package cn.civicloop.cases.internal;

import java.sql.SQLException;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** The PostgreSQL database of a query benchmark: migrated like the application's, read over one connection. */
final class BenchmarkDatabase {

    private BenchmarkDatabase() {
    }

    /**
     * The database at {@code url} migrated to the current schema, and a client on one connection, as a pool would
     * lend it: opening one per query would be what is measured.
     */
    static JdbcClient migrated(String url) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url);
        ds.setUser(System.getenv().getOrDefault("CIVICLOOP_DB_USER", "postgres"));
        ds.setPassword(System.getenv().getOrDefault("CIVICLOOP_DB_PASSWORD", ""));
        Flyway.configure().dataSource(ds).placeholders(Map.of("runtime_role", ""))
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql").load().migrate();
        try {
            return JdbcClient.create(new SingleConnectionDataSource(ds.getConnection(), true));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
