package cn.civicloop.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The staff audit log: append-only, hash-chained. The application has no code path that updates or deletes a row
 * (on PostgreSQL a trigger refuses it as well); an edit made behind the application's back is found by
 * {@link #verify()}. Appends serialise on the one head row, so two instances extend the same chain.
 */
@Component
public class AuditLog {

    static final String GENESIS = "0".repeat(64);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate tx;

    AuditLog(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        // Its own transaction: a refused action is audited even though the action's transaction rolls back.
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public record Entry(long seq, Instant occurredAt, String actor, String action, String target, String outcome,
            String detail, String clientAddress, String prevHash, String rowHash) {
    }

    public record Verification(boolean intact, long rows, Long firstBrokenSeq, String reason) {
    }

    public void record(String actor, String action, String target, String outcome, String detail, String clientAddress) {
        // millisecond precision: what is hashed must be exactly what both databases give back
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        tx.executeWithoutResult(s -> {
            var head = jdbc.sql("select last_seq, last_hash from security_audit_head where id = 1 for update")
                    .query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2) }).single();
            long seq = (long) head[0] + 1;
            String prev = (String) head[1];
            Entry e = new Entry(seq, now, cut(actor, 60), cut(action, 40), cut(target, 300), cut(outcome, 40),
                    cut(detail, 1000), cut(clientAddress, 64), prev, null);
            String hash = hash(e);
            jdbc.sql("""
                    insert into security_audit_log (seq, occurred_at, actor, action, target, outcome, detail,
                        client_address, prev_hash, row_hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(seq, Timestamp.from(now), e.actor(), e.action(), e.target(), e.outcome(), e.detail(),
                            e.clientAddress(), prev, hash).update();
            jdbc.sql("update security_audit_head set last_seq = ?, last_hash = ? where id = 1")
                    .params(seq, hash).update();
        });
    }

    /** Newest first, {@code before} a sequence number (exclusive) when paging back. */
    public List<Entry> page(Long before, int limit) {
        return jdbc.sql("select * from security_audit_log where seq < ? order by seq desc limit ?")
                .params(before == null ? Long.MAX_VALUE : before, Math.max(1, Math.min(limit, 500)))
                .query((rs, n) -> entry(rs)).list();
    }

    /** Walks the whole chain: every row's own hash, its link to the row before, and the head at the end. */
    public Verification verify() {
        var state = new Object() {
            String prev = GENESIS;
            long expected = 1;
            long rows;
            Long broken;
            String reason;
        };
        jdbc.sql("select * from security_audit_log order by seq").query(rs -> {
            if (state.broken != null) {
                return;
            }
            Entry e = entry(rs);
            state.rows++;
            if (e.seq() != state.expected) {
                state.broken = state.expected;
                state.reason = "row " + state.expected + " is missing";
            } else if (!e.prevHash().equals(state.prev)) {
                state.broken = e.seq();
                state.reason = "row " + e.seq() + " does not link to the row before it";
            } else if (!hash(e).equals(e.rowHash())) {
                state.broken = e.seq();
                state.reason = "row " + e.seq() + " was changed after it was written";
            }
            state.prev = e.rowHash();
            state.expected++;
        });
        if (state.broken == null) {
            var head = jdbc.sql("select last_seq, last_hash from security_audit_head where id = 1")
                    .query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2) }).single();
            if ((long) head[0] != state.expected - 1 || !head[1].equals(state.prev)) {
                state.broken = state.expected;
                state.reason = "the newest rows were removed (the chain head is at row " + head[0] + ")";
            }
        }
        return new Verification(state.broken == null, state.rows, state.broken, state.reason);
    }

    private static Entry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Entry(rs.getLong("seq"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
                rs.getString("action"), rs.getString("target"), rs.getString("outcome"), rs.getString("detail"),
                rs.getString("client_address"), rs.getString("prev_hash"), rs.getString("row_hash"));
    }

    static String hash(Entry e) {
        String content = String.join("\u001f", e.prevHash(), Long.toString(e.seq()),
                Long.toString(e.occurredAt().toEpochMilli()), n(e.actor()), e.action(), n(e.target()), e.outcome(),
                n(e.detail()), n(e.clientAddress()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is part of every JRE", ex);
        }
    }

    private static String n(String s) {
        return s == null ? "\u0000" : s;
    }

    /** Fits a column; control characters and unpaired surrogates (which PostgreSQL refuses) become '?'. */
    static String cut(String s, int max) {
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
