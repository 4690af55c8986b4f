package cn.civicloop.security.internal.audit;

import java.util.List;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.civicloop.security.internal.AuditLog;
import cn.civicloop.security.internal.AuditLog.Entry;
import cn.civicloop.security.internal.AuditLog.Verification;

/**
 * Walks the whole chain in sequence order, archived rows first, in pages of {@value #PAGE} rows (memory stays flat
 * at 10 M rows). Stops at the first row that is missing, does not link to the row before it, was signed by a key that
 * is not configured, or whose MAC does not match its content; then checks the head row and every head exported
 * outside the database.
 */
public class AuditChainVerifier {

    static final int PAGE = 5000;

    private final JdbcClient jdbc;
    private final AuditKeys keys;
    private final AuditHeadExport exports;

    AuditChainVerifier(JdbcClient jdbc, AuditKeys keys, AuditHeadExport exports) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.exports = exports;
    }

    private final class Walk {
        String prev = AuditChain.GENESIS;
        long expected = 1;
        long rows;
        Long broken;
        String reason;
        final TreeMap<Long, AuditHeadExport.Head> exported = exports.read();

        void check(Entry e) {
            rows++;
            byte[] key = keys.byId(e.keyId());
            var head = exported.get(e.seq());
            if (e.seq() != expected) {
                fail(expected, e.seq() > expected ? "row " + expected + " is missing"
                        : "row " + e.seq() + " appears twice");
            } else if (!e.prevHash().equals(prev)) {
                fail(e.seq(), "row " + e.seq() + " does not link to the row before it (removed, inserted or moved)");
            } else if (key == null) {
                fail(e.seq(), "row " + e.seq() + " is signed by key '" + e.keyId() + "', which is not configured");
            } else if (!AuditChain.mac(key, e.prevHash(), e.keyId(), e.seq(), e.occurredAt(), e.actor(), e.action(),
                    e.target(), e.outcome(), e.detail(), e.clientAddress()).equals(e.rowHash())) {
                fail(e.seq(), "row " + e.seq() + " was changed after it was written");
            } else if (head != null && !head.mac().equals(e.rowHash())) {
                fail(e.seq(), "row " + e.seq() + " differs from the head exported at " + head.at());
            }
            prev = e.rowHash();
            expected = e.seq() + 1;
        }

        void fail(long seq, String why) {
            broken = seq;
            reason = why;
        }
    }

    public Verification verify() {
        Walk walk = new Walk();
        walkTable("security_audit_archive", walk);
        walkTable("security_audit_log", walk);
        Long exportedSeq = walk.exported.isEmpty() ? null : walk.exported.lastKey();
        if (walk.broken == null) {
            var head = jdbc.sql("select last_seq, last_hash from security_audit_head where id = 1")
                    .query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2) }).single();
            long last = walk.expected - 1;
            if ((long) head[0] != last || !head[1].equals(walk.prev)) {
                walk.fail(walk.expected, "the newest rows were removed (the chain head is at row " + head[0] + ")");
            } else if (exportedSeq != null && exportedSeq > last) {
                walk.fail(last + 1, "rows after " + last + " were removed (the head exported at "
                        + walk.exported.lastEntry().getValue().at() + " was row " + exportedSeq + ")");
            }
        }
        return new Verification(walk.broken == null, walk.rows, walk.broken, walk.reason, exportedSeq);
    }

    private void walkTable(String table, Walk walk) {
        long after = 0;
        while (walk.broken == null) {
            List<Entry> page = jdbc.sql("select * from " + table + " where seq > ? order by seq limit " + PAGE)
                    .param(after).query((rs, n) -> AuditLog.entry(rs)).list();
            for (Entry e : page) {
                walk.check(e);
                if (walk.broken != null) {
                    return;
                }
            }
            if (page.size() < PAGE) {
                return;
            }
            after = page.get(page.size() - 1).seq();
        }
    }
}
