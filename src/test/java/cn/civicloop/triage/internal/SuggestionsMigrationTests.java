package cn.civicloop.triage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.civicloop.support.MigrationDatabase;

/**
 * V433 on a database that already holds triage decisions with their ranked suggestions in rows of their own
 * (ADR 0059): the suggestions move into the decision's row and read back ranked as stored (confidence to four
 * decimals, absent codes absent); a decision without suggestions has none. On a database of its own, dropped after.
 */
class SuggestionsMigrationTests {

    private MigrationDatabase database;

    @Test
    void storedSuggestionsReadBackFromTheDecisionsRow() {
        database = MigrationDatabase.create("v433");
        database.flyway().target("400").load().migrate();
        JdbcClient jdbc = JdbcClient.create(database.dataSource());
        JdbcTemplate template = new JdbcTemplate(database.dataSource());
        Timestamp at = Timestamp.from(Instant.parse("2026-11-25T02:00:00Z"));
        template.batchUpdate("""
                insert into triage_decision (case_number, model_version, top_category, confidence, auto_routed, diverted,
                    decided_at) values (?, 'm-1', '城乡建设', 0.8, false, false, ?)""",
                List.of(new Object[] {"SZ-20261125-000001", at}, new Object[] {"SZ-20261125-000002", at}));
        template.batchUpdate("""
                insert into triage_suggestion (case_number, rank_no, category, confidence, department_code, unit_code,
                    rule_id) values ('SZ-20261125-000001', ?, ?, ?, ?, ?, ?)""",
                List.of(new Object[] {2, "环境保护", 0.15, "HBJ", null, null},
                        new Object[] {1, "城乡建设", 0.8, "ZFJ", "ZFJ-1", 42L},
                        new Object[] {3, "交通运输", 2.0 / 30, null, null, null}));

        database.flyway().load().migrate();

        TriageRecords records = new TriageRecords(jdbc);
        assertThat(records.suggestions("SZ-20261125-000001")).containsExactly(
                new TriageRecords.Suggestion(1, "城乡建设", 0.8, "ZFJ", "ZFJ-1", 42L),
                new TriageRecords.Suggestion(2, "环境保护", 0.15, "HBJ", null, null),
                new TriageRecords.Suggestion(3, "交通运输", 0.0667, null, null, null));
        assertThat(records.suggestions("SZ-20261125-000002")).isEmpty();
        assertThat(records.suggestions("SZ-20261125-000003")).as("no decision").isEmpty();
        assertThat(records.decision("SZ-20261125-000001")).map(TriageRecords.Decision::topCategory).contains("城乡建设");
    }

    @Test
    void encodedSuggestionsDecodeRankedWithTheConfidenceToFourDecimals() {
        List<TriageRecords.Suggestion> ranked = List.of(
                new TriageRecords.Suggestion(1, "城乡建设", 0.73456, "ZFJ", null, 7L),
                new TriageRecords.Suggestion(2, "环境保护", 0.2, null, null, null));
        assertThat(TriageRecords.decode(TriageRecords.encode(ranked))).containsExactly(
                new TriageRecords.Suggestion(1, "城乡建设", 0.7346, "ZFJ", null, 7L),
                new TriageRecords.Suggestion(2, "环境保护", 0.2, null, null, null));
        assertThat(TriageRecords.encode(List.of())).isNull();
        assertThat(TriageRecords.decode(null)).isEmpty();
    }

    @AfterEach
    void dropSchema() {
        if (database != null) {
            database.drop();
        }
    }
}
