package cn.civicloop.shared;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/**
 * A retention (保留期限) of one table: which of its rows are deleted once older than a cut-off, and the deletion
 * itself. Rows go oldest first, in statements of at most {@link #BATCH} rows walking the index of the age column,
 * each statement its own transaction, so no run holds locks or a transaction long; a run ends when a statement
 * deletes fewer than a batch or after {@link #MAX_BATCHES} statements, leaving the rest to the next run, so that a
 * first run over years of kept rows spreads its writes over several runs instead of one long burst.
 * <p>
 * The table needs a key column {@code id}. Table, column and condition are the owning module's constants, never
 * input: they are written into the statement. The condition is SQL text with its literals (e.g.
 * {@code status = 'SENT'}), not a parameter, so that PostgreSQL can walk a partial index over the same condition.
 *
 * @param rows  the deleted rows as the log line names them before the cut-off, e.g. {@code messages to residents
 *              sent} in {@code deleted 12 messages to residents sent before 2026-06-10T02:00:00Z}
 * @param table the table
 * @param age   the column holding each row's time, indexed (with {@code only} as its condition where the database
 *              has partial indexes); rows whose age is null are never deleted
 * @param only  the condition a row must also meet to be deleted; empty for every row older than the cut-off
 */
public record Retention(String rows, String table, String age, String only) {

    /** Rows per statement. */
    public static final int BATCH = 5_000;
    /** Statements per run at most: 500,000 rows, far more than a day of any table brings. */
    public static final int MAX_BATCHES = 100;

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    public Retention {
        only = only == null ? "" : only;
        if (!NAME.matcher(table).matches() || !NAME.matcher(age).matches()) {
            throw new IllegalArgumentException("not a table or column name: " + table + "." + age);
        }
    }

    /** Every row of {@code table} whose {@code age} is older than the cut-off. */
    public static Retention of(String rows, String table, String age) {
        return new Retention(rows, table, age, "");
    }

    /** The same retention over the rows meeting {@code condition} only. */
    public Retention only(String condition) {
        return new Retention(rows, table, age, condition);
    }

    /**
     * The db-scheduler recurring task {@code name} that every {@code check} deletes the rows older than {@code kept}
     * on {@code clock}: one instance of a cluster runs it at a time.
     */
    public RecurringTask<Void> task(String name, Duration check, Duration kept, JdbcClient jdbc, Clock clock) {
        return Tasks.recurring(name, FixedDelay.of(check))
                .execute((instance, context) -> deleteBefore(jdbc, clock.instant().minus(kept), BATCH, MAX_BATCHES));
    }

    /**
     * Deletes the rows older than {@code cutoff}, oldest first, in statements of {@code batch} rows until one deletes
     * fewer or {@code maxBatches} have run; logs what it deleted.
     *
     * @return how many rows were deleted
     */
    public long deleteBefore(JdbcClient jdbc, Instant cutoff, int batch, int maxBatches) {
        if (batch < 1 || maxBatches < 1) {
            throw new IllegalArgumentException("batch and maxBatches must be positive: " + batch + ", " + maxBatches);
        }
        String statement = statement(batch);
        Timestamp before = Timestamp.from(cutoff);
        long total = 0;
        int statements = 0;
        int deleted;
        do {
            deleted = jdbc.sql(statement).param(before).update();
            total += deleted;
            statements++;
        } while (deleted == batch && statements < maxBatches);
        if (total > 0) {
            log.info("deleted {} {} before {} ({} statements{})", total, rows, cutoff, statements,
                    deleted == batch ? ", the limit of a run: the rest in the next run" : "");
        }
        return total;
    }

    /** One statement of the deletion: at most {@code batch} rows, the oldest, the cut-off its one parameter. */
    String statement(int batch) {
        // "= any(array(...))", not "in (select ...)": PostgreSQL takes the subquery's ids as an array of a few
        // values and finds them through the primary key, where "in" made it hash them and read the whole table
        return "delete from " + table + " where id = any(array(select id from " + table + " where "
                + (only.isBlank() ? "" : only + " and ") + age + " < ? order by " + age + " limit " + batch + "))";
    }
}
