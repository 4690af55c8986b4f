package cn.civicloop.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Without a configured secret the tracking key is generated once and kept in {@code cases_secret} (an in-memory table
 * here): every instance on the database signs with it, a fresh database gets a key of its own, and a code may be read
 * out with any spacing up to the length a form accepts.
 */
class TrackingStoredKeyTests {

    private static final String CASE = "SZ-20261206-000001";

    private SingleConnectionDataSource data;
    private JdbcClient jdbc;

    @BeforeEach
    void table() {
        data = database();
        jdbc = JdbcClient.create(data);
    }

    @AfterEach
    void close() {
        data.destroy();
    }

    private static SingleConnectionDataSource database() {
        SingleConnectionDataSource d = new SingleConnectionDataSource(
                "jdbc:h2:mem:tracking_" + UUID.randomUUID() + ";MODE=PostgreSQL", true);
        JdbcClient.create(d).sql("create table cases_secret (name varchar(40) not null primary key, "
                + "secret_value varchar(200) not null)").update();
        return d;
    }

    private static TrackingTokens generated(JdbcClient jdbc) {
        return new TrackingTokens(jdbc, new CasesProperties(null, null, null, 730));
    }

    private String stored() {
        return jdbc.sql("select secret_value from cases_secret where name = 'tracking'").query(String.class).single();
    }

    @Test
    void theFirstCodeStoresAKeyThatEveryInstanceSignsWith() {
        String code = generated(jdbc).tokenFor(CASE);
        String key = stored();
        assertThat(key).matches("[0-9a-f]{64}").isNotEqualTo("0".repeat(64));
        assertThat(generated(jdbc).tokenFor(CASE)).as("another instance reads the stored key").isEqualTo(code);
        assertThat(stored()).as("not replaced").isEqualTo(key);
        assertThat(generated(jdbc).matches(CASE, code)).isTrue();
    }

    @Test
    void anotherDatabaseGetsAnotherKey() {
        SingleConnectionDataSource other = database();
        try {
            assertThat(generated(JdbcClient.create(other)).tokenFor(CASE)).isNotEqualTo(generated(jdbc).tokenFor(CASE));
        } finally {
            other.destroy();
        }
    }

    @Test
    void aCodeReadOutWithSpacesMatchesUpToSixtyFourCharacters() {
        TrackingTokens tokens = generated(jdbc);
        String code = tokens.tokenFor(CASE);
        String padded = " ".repeat(64 - code.length()) + code;
        assertThat(padded).hasSize(64);
        assertThat(tokens.matches(CASE, padded)).isTrue();
        assertThat(tokens.matches(CASE, " " + padded)).as("longer than a form accepts").isFalse();
    }
}
