package cn.civicloop.triage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.civicloop.support.MigrationDatabase;

/**
 * V450 on a database that already holds a case, then the key table as the duplicate search uses it: the moment the
 * keys began is recorded by the migration (the cases before it are looked for through the cases module), a search
 * names each case stored under an asked key once, newest first, only within the window, and the retention removes
 * exactly the keys of the cases opened before its limit. On a database of its own (H2 in memory, or a fresh schema on
 * the test PostgreSQL server), dropped afterwards.
 */
class CandidateKeyTableTests {

    private static final Instant NOW = Instant.parse("2026-12-07T02:00:00Z");

    private MigrationDatabase database;

    @Test
    void theMigrationRecordsWhenKeysBeganAndTheTableAnswersTheSearch() {
        database = MigrationDatabase.create("v450");
        database.flyway().target("400").load().migrate();
        JdbcClient jdbc = JdbcClient.create(database.dataSource());
        Timestamp at = Timestamp.from(NOW.minus(Duration.ofHours(3)));
        jdbc.sql("""
                insert into cases_case (number, status, channel, kind, urgency, title, content, fingerprint, due_at,
                    created_at, updated_at) values ('SZ-1', 'SUBMITTED', 'WEBSITE', 'COMPLAINT', 'NORMAL', '路灯不亮',
                    '小区门口路灯不亮', 'f', ?, ?, ?)""").params(at, at, at).update();
        Instant before = Instant.now().minusSeconds(5);

        database.flyway().load().migrate();

        CandidateKeyTable table = new CandidateKeyTable(jdbc);
        assertThat(table.storedSince()).hasValueSatisfying(began -> assertThat(began).isAfter(before));
        assertThat(jdbc.sql("select count(*) from triage_candidate_key").query(Long.class).single())
                .as("nothing is keyed by the migration: the cases before it are found through the cases module")
                .isZero();

        table.add("OLD", NOW.minus(Duration.ofHours(80)), new long[] {1, 2});
        table.add("A", NOW.minus(Duration.ofHours(5)), new long[] {1, 2, 3});
        table.add("B", NOW.minus(Duration.ofHours(1)), new long[] {3, 4});
        table.add("C", NOW.minus(Duration.ofHours(2)), new long[] {5});
        table.add("NONE", NOW, new long[0]);

        Instant since = NOW.minus(Duration.ofHours(72));
        assertThat(table.numbers(new long[] {1, 3}, since, 100)).as("each once, newest first, in the window")
                .containsExactly("B", "A");
        assertThat(table.numbers(new long[] {5, 9}, since, 100)).containsExactly("C");
        assertThat(table.numbers(new long[] {9}, since, 100)).isEmpty();
        assertThat(table.numbers(new long[] {1, 2, 3, 4, 5}, since, 1)).containsExactly("B");

        int removed = table.removeBefore(NOW.minus(Duration.ofHours(72)));
        assertThat(removed).isEqualTo(2);
        assertThat(table.numbers(new long[] {1, 2}, NOW.minus(Duration.ofDays(30)), 100)).containsExactly("A");
    }

    @AfterEach
    void dropSchema() {
        if (database != null) {
            database.drop();
        }
    }
}
