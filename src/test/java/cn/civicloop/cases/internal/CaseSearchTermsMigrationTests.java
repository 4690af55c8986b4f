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
 * of every stored case (more than one page of it), the same as the application writes for a new one. Then the
 * migrations that follow: on PostgreSQL V420 replaces the column by the expression index (ADR 0056), which finds the
 * same cases, and its SQL function makes the same terms as its Java twin; on H2 the column keeps finding them. On a
 * database of its own (H2 in memory, or a fresh schema on the test PostgreSQL server), dropped afterwards.
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

        flyway().target("380").javaMigrations(new CaseSearchTermsBackfill()).load().migrate();

        assertThat(jdbc.sql("select count(*) from cases_case where search_terms is null").query(Long.class).single())
                .as("every stored case, over several pages").isZero();
        String terms = jdbc.sql("select search_terms from cases_case where number = 'SZ-20261125-900001'")
                .query(String.class).single();
        assertThat(terms).isEqualTo(CaseSearchTerms.of("夜間施工噪音擾民", "工地每晚施工到凌晨", "已责令停工整改"))
                .as("繁 → 简, bigrams of title, text and reply").contains(" 噪音 ", " 扰民 ", " 凌晨 ", " 停工 ")
                .startsWith(" ").endsWith(" ");
        if (Node.onPostgres()) {
            assertThat(index("cases_case_search_terms")).isEqualTo(1);
        }

        flyway().javaMigrations(new CaseSearchTermsBackfill()).load().migrate();

        boolean postgres = Node.onPostgres();
        Map<String, Object> params = new java.util.LinkedHashMap<>();
        String condition = CaseSearchTerms.condition(CaseSearchTerms.ofQuery("施工噪音", postgres), postgres, params);
        assertThat(jdbc.sql("select number from cases_case where " + condition).params(params).query(String.class)
                .list()).as("the terms of the traditional text as written").containsExactly("SZ-20261125-900001");
        params.clear();
        condition = CaseSearchTerms.condition(CaseSearchTerms.ofQuery("停工", postgres), postgres, params);
        assertThat(jdbc.sql("select number from cases_case where " + condition).params(params).query(String.class)
                .list()).as("the reply's terms").containsExactly("SZ-20261125-900001");
        if (postgres) {
            assertThat(index("cases_case_text_terms")).isEqualTo(1);
            assertThat(index("cases_case_search_terms")).isZero();
            assertThat(jdbc.sql("select count(*) from information_schema.columns where table_name = 'cases_case' "
                    + "and column_name = 'search_terms' and table_schema = current_schema()").query(Long.class)
                    .single()).as("the column is gone").isZero();
            for (String text : List.of("夜間施工噪音擾民，KTV到凌晨3点", "联系我13912345678，或者0632-1234567 水 电",
                    "𠀀𠀁字 ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdef ｋｔｖ", "", "！？")) {
                String[] sql = jdbc.sql("select cases_text_terms(?, null, null)").param(text)
                        .query((rs, n) -> (String[]) rs.getArray(1).getArray()).single();
                assertThat(java.util.Set.copyOf(List.of(sql)))
                        .as("V420's function and its Java twin on %s", text)
                        .isEqualTo(java.util.Set.copyOf(CaseSearchTerms.indexTerms(text)));
            }
        }
    }

    private long index(String name) {
        return JdbcClient.create(dataSource).sql("select count(*) from pg_indexes where indexname = ? "
                + "and schemaname = current_schema()").param(name).query(Long.class).single();
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
