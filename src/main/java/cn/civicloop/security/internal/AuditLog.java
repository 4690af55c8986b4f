package cn.civicloop.security.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import cn.civicloop.security.internal.audit.AuditChain;
import cn.civicloop.security.internal.audit.AuditChainVerifier;
import cn.civicloop.security.internal.audit.AuditKeys;

/**
 * The staff audit log: append-only, chained with HMAC-SM3 under a key kept outside the database
 * ({@link AuditChain}). The application has no code path that updates or deletes a row (on PostgreSQL a trigger and
 * the runtime role's missing privileges refuse it as well); an edit made behind the application's back, by anyone
 * without the key, is found by {@link #verify()}. Appends serialise on the one head row, so two instances extend the
 * same chain. Rows older than the retention move to {@code security_audit_archive} and stay part of the chain.
 */
@Component
public class AuditLog {

    static final String GENESIS = AuditChain.GENESIS;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final AuditKeys keys;
    private final ObjectProvider<AuditChainVerifier> verifier;

    AuditLog(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions, AuditKeys keys,
            ObjectProvider<AuditChainVerifier> verifier) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.keys = keys;
        this.verifier = verifier;
        this.tx = new TransactionTemplate(transactions);
        // Its own transaction: a refused action is audited even though the action's transaction rolls back.
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** One row; {@code rowHash} is its HMAC-SM3 under the key {@code keyId}. */
    public record Entry(long seq, Instant occurredAt, String actor, String action, String target, String outcome,
            String detail, String clientAddress, String prevHash, String rowHash, String keyId) {
    }

    /**
     * The result of walking the chain.
     *
     * @param exportedHeadSeq the newest head found in the export directory and checked against the chain, or null
     */
    public record Verification(boolean intact, long rows, Long firstBrokenSeq, String reason, Long exportedHeadSeq) {
    }

    public void record(String actor, String action, String target, String outcome, String detail, String clientAddress) {
        // millisecond precision: what is signed must be exactly what both databases give back
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String keyId = keys.currentId();
        tx.executeWithoutResult(s -> {
            var head = jdbc.sql("select last_seq, last_hash from security_audit_head where id = 1 for update")
                    .query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2) }).single();
            long seq = (long) head[0] + 1;
            String prev = (String) head[1];
            String a = cut(actor, 60), act = cut(action, 40), t = cut(target, 300), o = cut(outcome, 40),
                    d = cut(detail, 4000), c = cut(clientAddress, 64);
            String mac = AuditChain.mac(keys.current(), prev, keyId, seq, now, a, act, t, o, d, c);
            jdbc.sql("""
                    insert into security_audit_log (seq, occurred_at, actor, action, target, outcome, detail,
                        client_address, prev_hash, row_hash, key_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(seq, Timestamp.from(now), a, act, t, o, d, c, prev, mac, keyId).update();
            jdbc.sql("update security_audit_head set last_seq = ?, last_hash = ? where id = 1")
                    .params(seq, mac).update();
        });
    }

    /** Newest first, {@code before} a sequence number (exclusive) when paging back. */
    public List<Entry> page(Long before, int limit) {
        return jdbc.sql("select * from security_audit_log where seq < ? order by seq desc limit ?")
                .params(before == null ? Long.MAX_VALUE : before, Math.max(1, Math.min(limit, 500)))
                .query((rs, n) -> entry(rs)).list();
    }

    /**
     * Walks the whole chain (archive, then live rows): every row's MAC, its link to the row before, the head row and
     * the heads exported outside the database. Reports the first row that does not verify.
     */
    public Verification verify() {
        return verifier.getObject().verify();
    }

    public static Entry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Entry(rs.getLong("seq"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
                rs.getString("action"), rs.getString("target"), rs.getString("outcome"), rs.getString("detail"),
                rs.getString("client_address"), rs.getString("prev_hash"), rs.getString("row_hash"),
                rs.getString("key_id"));
    }

    /** Fits a column; control characters and unpaired surrogates (which PostgreSQL refuses) become '?'. */
    public static String cut(String s, int max) {
        if (s == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(s.length(), max));
        for (int i = 0; i < s.length() && out.length() < max; i++) {
            char c = s.charAt(i);
            boolean pairedHigh = Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1));
            if (pairedHigh && out.length() + 2 <= max) {
                out.append(c).append(s.charAt(++i));
            } else if (Character.isISOControl(c) || Character.isSurrogate(c)) {
                out.append('?');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
