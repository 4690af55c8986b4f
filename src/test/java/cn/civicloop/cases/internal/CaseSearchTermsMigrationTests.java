package cn.civicloop.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.civicloop.support.MigrationDatabase;
import cn.civicloop.support.Node;

/**
 * V93 on a database that already holds cases: the column is added, the Java migration V93.1 writes the search terms
 * of every stored case (more than one page of it), the same as the application writes for a new one, and on
 * PostgreSQL the index (V93_2) then finds them. On a database of its own (H2 in memory, or a fresh schema on the
 * test PostgreSQL server), dropped afterwards.
 */
class CaseSearchTermsMigrationTests {

    private MigrationDatabase database;
    private DataSource dataSource;

    @Test
    void casesStoredBeforeTheColumnGetTheirTermsAndAreFound() {
        database = MigrationDatabase.create("v93");
        dataSource = database.dataSource();
        flyway().target("93").load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        Timestamp at = Timestamp.from(Instant.parse("2026-11-25T02:00:00Z"));
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < CaseSearchTermsBackfill.BATCH + 5; i++) {
            rows.add(new Object[] {"SZ-20261125-" + String.format("%06d", i), "路灯不亮 " + i, "小区门口路灯不亮", at, at, at});
        }
        rows.add(new Object[] {"SZ-20261125-900001", "夜間施工噪音擾民", "工地每晚施工到凌晨", at, at, at});
        new JdbcTemplate(dataSource).batchUpdate("""
                insert into cases_case (number, status, channel, kind, urgency, title, content, fingerprint, due_at,
                    created_at, updated_at) values (?, 'CLOSED', 'WEBSITE', 'COMPLAINT', 'NORMAL', ?, ?, 'f', ?, ?, ?)""",
                rows);
        jdbc.sql("update cases_case set reply_text = '已责令停工整改' where number = 'SZ-20261125-900001'").update();

        flyway().javaMigrations(new CaseSearchTermsBackfill()).load().migrate();

        assertThat(jdbc.sql("select count(*) from cases_case where search_terms is null").query(Long.class).single())
                .as("every stored case, over several pages").isZero();
        String terms = jdbc.sql("select search_terms from cases_case where number = 'SZ-20261125-900001'")
                .query(String.class).single();
        assertThat(terms).isEqualTo(CaseSearchTerms.of("夜間施工噪音擾民", "工地每晚施工到凌晨", "已责令停工整改"))
                .as("繁 → 简, bigrams of title, text and reply").contains(" 噪音 ", " 扰民 ", " 凌晨 ", " 停工 ")
                .startsWith(" ").endsWith(" ");
        Map<String, Object> params = new java.util.LinkedHashMap<>();
        String condition = CaseSearchTerms.condition(List.of("噪音", "扰民"), Node.onPostgres(), params);
        assertThat(jdbc.sql("select number from cases_case where " + condition).params(params).query(String.class)
                .list()).containsExactly("SZ-20261125-900001");
        if (Node.onPostgres()) {
            assertThat(jdbc.sql("select count(*) from pg_indexes where indexname = 'cases_case_search_terms' "
                    + "and schemaname = current_schema()")
                    .query(Long.class).single()).isEqualTo(1);
        }
    }

    @AfterEach
    void dropSchema() {
        if (database != null) {
            database.drop();
        }
    }

    private org.flywaydb.core.api.configuration.FluentConfiguration flyway() {
        return database.flyway();
    }
}
