package cn.civicloop.security.internal.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.migration.Context;

import cn.civicloop.shared.DataMigration;

/**
 * Flyway V55.1: re-chains the rows written under the unkeyed SHA-256 chain with HMAC-SM3 under the configured key.
 * It first checks the old chain end to end and refuses to sign a chain that was already broken (the upgrade stops
 * and names the row: an assessor must see that, not a freshly signed forgery). Runs as the migrations' owner, who
 * may switch the append-only trigger off for this one transaction on PostgreSQL.
 */
public class KeyedChainMigration extends DataMigration {

    private final AuditKeys keys;

    public KeyedChainMigration(AuditKeys keys) {
        super("55.1", "audit keyed chain (re-chain existing rows with HMAC-SM3)");
        this.keys = keys;
    }

    private record Row(long seq, Instant at, String actor, String action, String target, String outcome,
            String detail, String client, String prev, String hash) {
    }

    /** Rows after {@code after} in sequence order, a page at a time (memory stays flat on a long log). */
    private static List<Row> page(Connection c, long after) throws Exception {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(
                "select * from security_audit_log where seq > ? order by seq limit 5000")) {
            st.setLong(1, after);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong("seq"), rs.getTimestamp("occurred_at").toInstant(),
                            rs.getString("actor"), rs.getString("action"), rs.getString("target"),
                            rs.getString("outcome"), rs.getString("detail"), rs.getString("client_address"),
                            rs.getString("prev_hash"), rs.getString("row_hash")));
                }
            }
        }
        return rows;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        boolean postgres = onPostgres(c);
        // pass 1: the old chain must be intact
        String prev = AuditChain.GENESIS;
        long expected = 1;
        for (List<Row> rows = page(c, 0); !rows.isEmpty(); rows = page(c, expected - 1)) {
            for (Row r : rows) {
                if (r.seq() != expected || !r.prev().equals(prev) || !AuditChain.legacySha256(r.prev(), r.seq(),
                        r.at(), r.actor(), r.action(), r.target(), r.outcome(), r.detail(), r.client())
                        .equals(r.hash())) {
                    throw new IllegalStateException("The audit log was already broken at row " + expected
                            + " before it was keyed; investigate it (SHA-256 chain) before upgrading");
                }
                prev = r.hash();
                expected++;
            }
        }
        if (expected == 1) {
            return;
        }
        if (postgres) {
            try (Statement st = c.createStatement()) {
                st.execute("alter table security_audit_log disable trigger security_audit_log_append_only");
            }
        }
        // pass 2: sign every row under the key, in order
        String keyId = keys.currentId();
        prev = AuditChain.GENESIS;
        long last = 0;
        try (PreparedStatement up = c.prepareStatement(
                "update security_audit_log set prev_hash = ?, row_hash = ?, key_id = ? where seq = ?")) {
            for (List<Row> rows = page(c, 0); !rows.isEmpty(); rows = page(c, last)) {
                for (Row r : rows) {
                    String mac = AuditChain.mac(keys.current(), prev, keyId, r.seq(), r.at(), r.actor(), r.action(),
                            r.target(), r.outcome(), r.detail(), r.client());
                    up.setString(1, prev);
                    up.setString(2, mac);
                    up.setString(3, keyId);
                    up.setLong(4, r.seq());
                    up.addBatch();
                    prev = mac;
                    last = r.seq();
                }
                up.executeBatch();
            }
        }
        try (PreparedStatement head = c.prepareStatement(
                "update security_audit_head set last_seq = ?, last_hash = ? where id = 1")) {
            head.setLong(1, last);
            head.setString(2, prev);
            head.executeUpdate();
        }
        if (postgres) {
            try (Statement st = c.createStatement()) {
                st.execute("alter table security_audit_log enable trigger security_audit_log_append_only");
            }
        }
    }
}
