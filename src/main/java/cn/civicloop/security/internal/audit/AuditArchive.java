package cn.civicloop.security.internal.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retention: rows older than {@code retention.days} (at least 180) move, oldest first and as a prefix of the chain,
 * from {@code security_audit_log} to {@code security_audit_archive}, in batches. Nothing is deleted: the verifier walks
 * the archive and then the live table as one chain. On PostgreSQL the move is the owner's function
 * {@code security_audit_archive_before} (SECURITY DEFINER), because the runtime role may not delete audit rows and the
 * trigger lets only that function's delete through; on H2 it is the same two statements.
 */
public class AuditArchive {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditProperties properties;
    private final TransactionTemplate tx;
    private final boolean postgres;

    AuditArchive(JdbcClient jdbc, Clock clock, AuditProperties properties, PlatformTransactionManager transactions,
            DataSource dataSource) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.tx = new TransactionTemplate(transactions);
        this.postgres = isPostgres(dataSource);
    }

    static boolean isPostgres(DataSource dataSource) {
        try {
            String name = JdbcUtils.extractDatabaseMetaData(dataSource, md -> md.getDatabaseProductName());
            return name != null && name.toLowerCase().contains("postgres");
        } catch (Exception e) {
            return false;
        }
    }

    /** The time before which rows are archived now. */
    public Instant cutoff() {
        return clock.instant().minus(Duration.ofDays(properties.retention().days()));
    }

    /** Moves every row older than the retention, batch by batch; returns how many moved. */
    public long archive() {
        Timestamp cutoff = Timestamp.from(cutoff());
        int batch = properties.retention().batch();
        long total = 0;
        while (true) {
            Integer moved = tx.execute(s -> postgres
                    ? jdbc.sql("select security_audit_archive_before(?, ?)").params(cutoff, batch)
                            .query(Integer.class).single()
                    : moveOnH2(cutoff, batch));
            total += moved == null ? 0 : moved;
            if (moved == null || moved < batch) {
                return total;
            }
        }
    }

    private int moveOnH2(Timestamp cutoff, int batch) {
        Long last = jdbc.sql("select max(seq) from (select seq, occurred_at from security_audit_log order by seq "
                + "limit ?) s where occurred_at < ?").params(batch, cutoff).query(Long.class).optional().orElse(null);
        if (last == null) {
            return 0;
        }
        jdbc.sql("insert into security_audit_archive (seq, occurred_at, actor, action, target, outcome, detail, "
                + "client_address, prev_hash, row_hash, key_id) select seq, occurred_at, actor, action, target, "
                + "outcome, detail, client_address, prev_hash, row_hash, key_id from security_audit_log "
                + "where seq <= ?").param(last).update();
        return jdbc.sql("delete from security_audit_log where seq <= ?").param(last).update();
    }
}
