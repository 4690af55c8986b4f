package cn.civicloop.cases.internal;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps PostgreSQL planning the list's statements for their actual values. The JDBC driver turns a statement run five
 * times into a server-side prepared statement, and PostgreSQL then may switch to one generic plan for all values: for
 * a number search that plan walked the creation-time index filtering a million rows (2 ms became 1.95 s), and a
 * status of 94 % of the history and one of 0.1 % want different plans. {@code plan_cache_mode = force_custom_plan}
 * for the reading transaction ({@code set local}: the pooled connection's other statements keep their plans). On
 * H2 nothing.
 * <p>
 * And no parallel workers for them: every list statement stops after a page or a capped count, and a worker walks
 * its share of the creation-time index ahead of what the page needs. A frequent word searched over 300,000 cases
 * read 1,681 rows in 28 ms alone and ten thousand in 170–270 ms with two workers (docs/cases.md, "At scale"), and
 * twenty staff listing at once would each take three processes of a two-core machine.
 */
@Component
class PinnedPlans {

    private final JdbcClient jdbc;
    private final boolean postgres;

    PinnedPlans(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.postgres = isPostgres(dataSource);
    }

    boolean postgres() {
        return postgres;
    }

    /**
     * Custom plans without parallel workers for the rest of the current transaction (outside one, nothing: the
     * settings would outlive it).
     */
    void pin() {
        if (postgres && TransactionSynchronizationManager.isActualTransactionActive()) {
            jdbc.sql("select set_config('plan_cache_mode', 'force_custom_plan', true), "
                    + "set_config('max_parallel_workers_per_gather', '0', true)").query((rs, n) -> rs.getString(1)).list();
        }
    }

    private static boolean isPostgres(DataSource dataSource) {
        try {
            String name = JdbcUtils.extractDatabaseMetaData(dataSource, md -> md.getDatabaseProductName());
            return name != null && name.toLowerCase(java.util.Locale.ROOT).contains("postgres");
        } catch (Exception e) {
            return false;
        }
    }
}
