package cn.civicloop.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.civicloop.support.MigrationDatabase;

/**
 * V170–V171 on a database that already holds cases: the daily figures and every case's share are filled from the
 * stored cases (days of Asia/Shanghai: a case of 23:30 UTC counts on the next day). On a database of its own.
 */
class DayFiguresMigrationTests {

    private MigrationDatabase database;

    @Test
    void theFiguresOfStoredCasesAreFilledByTheMigration() {
        database = MigrationDatabase.create("v171");
        DataSource dataSource = database.dataSource();
        database.flyway().target("142").load().migrate();
        Timestamp opened = Timestamp.from(Instant.parse("2026-11-24T23:30:00Z")); // 25 Nov, 07:30 in Shanghai
        Timestamp closed = Timestamp.from(Instant.parse("2026-11-26T02:00:00Z"));
        Timestamp due = Timestamp.from(Instant.parse("2026-11-27T00:00:00Z"));
        new JdbcTemplate(dataSource).batchUpdate("""
                insert into cases_case (number, status, channel, kind, urgency, title, content, fingerprint, due_at,
                    created_at, updated_at, closed_at, department_id, street_code, satisfaction)
                values (?, ?, 'WECHAT', 'COMPLAINT', 'NORMAL', '路灯不亮', '小区门口路灯不亮', 'f', ?, ?, ?, ?, 7, 'S1', ?)""",
                List.of(new Object[] {"SZ-20261125-000001", "CLOSED", due, opened, closed, closed, "SATISFIED"},
                        new Object[] {"SZ-20261125-000002", "IN_PROGRESS", due, opened, opened, null, null},
                        new Object[] {"SZ-20261125-000003", "CLOSED", opened, opened, closed, closed, null}));

        database.flyway().javaMigrations(new DayFiguresBackfill()).load().migrate();

        JdbcClient jdbc = JdbcClient.create(dataSource);
        assertThat(jdbc.sql("select count(*) from cases_figure_share").query(Long.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("""
                select cast(on_day as varchar) || ' ' || department_id || ' ' || street_code || ' ' || channel || ' '
                    || opened || closed || closed_on_time || declined || voided || answered || satisfied
                from cases_day_figures order by on_day""").query(String.class).list())
                .containsExactly("2026-11-25 7 S1 WECHAT 3000000", "2026-11-26 7 S1 WECHAT 0210011");
        assertThat(jdbc.sql("""
                select cast(on_day as varchar) || ' ' || channel || ' ' || opened || closed || closed_on_time
                    || declined || voided || answered || satisfied
                from cases_day_totals order by on_day""").query(String.class).list())
                .containsExactly("2026-11-25 WECHAT 3000000", "2026-11-26 WECHAT 0210011");
    }

    @AfterEach
    void dropSchema() {
        if (database != null) {
            database.drop();
        }
    }
}
