package cn.civicloop.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.civicloop.support.ApiTest;
import cn.civicloop.support.Node;

/**
 * The list's planner settings hold for the reading transaction only: custom plans and no parallel workers inside it,
 * PostgreSQL's defaults again on the pooled connection's next transaction, and nothing outside a transaction (the
 * settings would stay with the connection). H2 has neither setting and gets no statement.
 */
class PinnedPlansTests extends ApiTest {

    @Autowired
    PinnedPlans plans;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void customPlansWithoutParallelWorkersForTheReadingTransactionOnly() {
        assertThat(plans.postgres()).isEqualTo(Node.onPostgres());
        TransactionTemplate tx = new TransactionTemplate(transactions);
        if (!plans.postgres()) {
            // H2 knows neither setting: pinning must not send one (it would fail the list)
            tx.executeWithoutResult(s -> plans.pin());
            return;
        }
        List<String> defaults = tx.execute(s -> settings());
        assertThat(defaults).as("the server's defaults").doesNotContain("force_custom_plan", "0");

        List<String> pinned = tx.execute(s -> {
            plans.pin();
            return settings();
        });
        assertThat(pinned).containsExactly("force_custom_plan", "0");
        List<String> next = tx.execute(s -> settings());
        assertThat(next).as("the next transaction").isEqualTo(defaults);

        plans.pin(); // outside a transaction: nothing
        assertThat(settings()).isEqualTo(defaults);
    }

    private List<String> settings() {
        return jdbc.sql("select current_setting('plan_cache_mode') as mode, "
                + "current_setting('max_parallel_workers_per_gather') as workers")
                .query((rs, n) -> List.of(rs.getString("mode"), rs.getString("workers"))).single();
    }
}
