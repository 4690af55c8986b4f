package cn.civicloop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * The embedded database outlives the session that created its tables: the pool retires connections (Flyway's among
 * them) after their lifetime, and the tables' check constraints must keep working for every later session. H2 2.4.240
 * bound a check constraint to the creating session, so after about half an hour the embedded application refused
 * every insert into a checked table ("Check constraint invalid").
 */
class EmbeddedDatabaseSessionsTests {

    private static final String SETTINGS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    @Test
    void aCheckConstraintHoldsAfterTheSessionThatCreatedItIsClosed() throws SQLException {
        String url = "jdbc:h2:mem:sessions-" + UUID.randomUUID() + SETTINGS + ";DB_CLOSE_DELAY=-1";
        try (Connection keepsTheDatabase = DriverManager.getConnection(url, "sa", "")) {
            try (Connection migration = DriverManager.getConnection(url, "sa", "");
                    Statement ddl = migration.createStatement()) {
                ddl.execute("create table day_kind (kind varchar(10) not null, "
                        + "constraint day_kind_known check (kind in ('HOLIDAY', 'WORKDAY')))");
            }
            try (Connection later = DriverManager.getConnection(url, "sa", "");
                    Statement insert = later.createStatement()) {
                assertThat(insert.executeUpdate("insert into day_kind (kind) values ('HOLIDAY')")).isEqualTo(1);
                assertThatThrownBy(() -> insert.executeUpdate("insert into day_kind (kind) values ('SUNDAY')"))
                        .as("the constraint still refuses what it must").isInstanceOf(SQLException.class)
                        .hasMessageContaining("day_kind_known");
            }
        }
    }
}
