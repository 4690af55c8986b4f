package cn.civicloop.security.internal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

import cn.civicloop.security.internal.AuditLog;
import cn.civicloop.security.internal.AuditLog.Verification;
import cn.civicloop.support.ApiTest;

/**
 * The keyed chain against someone who can write the database but holds no key: a changed, deleted, reordered or
 * forged row, and rows cut from the end (found by the head exported outside the database), are reported with the first
 * broken row, on H2 and on PostgreSQL (where the test's superuser first switches the append-only trigger off, as a
 * table owner could). Each test puts the rows back, so the chain verifies again afterwards. On a database of its own:
 * while a row is forged or moved, another test's application appending to a shared log would chain onto the forgery.
 */
@TestPropertySource(properties = "civicloop.security.audit.head-export.directory=target/audit-head-export-${random.uuid}")
class AuditChainTamperTests extends ApiTest {

    @org.springframework.test.context.DynamicPropertySource
    static void ownDatabase(org.springframework.test.context.DynamicPropertyRegistry registry) {
        String url = cn.civicloop.support.Node.ownDatabase("audit_tamper")[0].substring("--spring.datasource.url=".length());
        registry.add("spring.datasource.url", () -> url);
        // no test here looks an address up: the demo gazetteer would cost seconds at the context's start
        registry.add("civicloop.places.seed-demo", () -> "false");
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog audit;

    @Autowired
    AuditHeadExport export;

    @Autowired
    AuditProperties properties;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    javax.sql.DataSource dataSource;

    private boolean postgres() {
        return AuditArchive.isPostgres(dataSource);
    }

    /** As the table's owner could: the guard off (PostgreSQL), then the edit. */
    private void asOwner(Runnable edit) {
        if (postgres()) {
            jdbc.sql("alter table security_audit_log disable trigger security_audit_log_append_only").update();
        }
        try {
            edit.run();
        } finally {
            if (postgres()) {
                jdbc.sql("alter table security_audit_log enable trigger security_audit_log_append_only").update();
            }
        }
    }

    private long threeRows(String tag) {
        for (int i = 1; i <= 3; i++) {
            audit.record("tester", "TEST", tag + " " + i, "OK", "row " + i, "127.0.0.1");
        }
        long last = jdbc.sql("select max(seq) from security_audit_log").query(Long.class).single();
        assertThat(audit.verify().intact()).isTrue();
        return last - 1; // the middle one
    }

    @AfterEach
    void chainIsWholeAgain() {
        Verification v = audit.verify();
        assertThat(v.intact()).as(v.reason()).isTrue();
    }

    @Test
    void everyRowIsSignedWithHmacSm3UnderTheConfiguredKey() {
        long seq = threeRows("signed");
        var row = jdbc.sql("select * from security_audit_log where seq = ?").param(seq)
                .query((rs, n) -> AuditLog.entry(rs)).single();
        assertThat(row.keyId()).isEqualTo(properties.keyId());
        assertThat(row.rowHash()).hasSize(64).isEqualTo(AuditChain.mac(AuditKeys.from(properties).current(),
                row.prevHash(), row.keyId(), row.seq(), row.occurredAt(), row.actor(), row.action(), row.target(),
                row.outcome(), row.detail(), row.clientAddress()));
        assertThat(row.rowHash()).as("not the unkeyed SHA-256 of before").isNotEqualTo(AuditChain.legacySha256(
                row.prevHash(), row.seq(), row.occurredAt(), row.actor(), row.action(), row.target(), row.outcome(),
                row.detail(), row.clientAddress()));
    }

    @Test
    void aChangedRowIsFound() {
        long seq = threeRows("changed");
        asOwner(() -> jdbc.sql("update security_audit_log set actor = 'someone-else' where seq = ?").param(seq)
                .update());
        try {
            Verification v = audit.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBrokenSeq()).isEqualTo(seq);
            assertThat(v.reason()).contains("changed");
        } finally {
            asOwner(() -> jdbc.sql("update security_audit_log set actor = 'tester' where seq = ?").param(seq)
                    .update());
        }
    }

    @Test
    void aRowResignedWithoutTheKeyIsFound() {
        long seq = threeRows("forged");
        var row = jdbc.sql("select * from security_audit_log where seq = ?").param(seq)
                .query((rs, n) -> AuditLog.entry(rs)).single();
        // a forger recomputes the row's MAC with a key of his own (the one in the database is not there to take)
        String forged = AuditChain.mac("a-guessed-key-that-is-long-enough!!".getBytes(), row.prevHash(), row.keyId(),
                row.seq(), row.occurredAt(), row.actor(), "TEST", row.target(), "OK", "forged", row.clientAddress());
        asOwner(() -> jdbc.sql("update security_audit_log set detail = 'forged', row_hash = ? where seq = ?")
                .params(forged, seq).update());
        try {
            Verification v = audit.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBrokenSeq()).isEqualTo(seq);
        } finally {
            asOwner(() -> jdbc.sql("update security_audit_log set detail = ?, row_hash = ? where seq = ?")
                    .params(row.detail(), row.rowHash(), seq).update());
        }
    }

    @Test
    void aDeletedRowIsFound() {
        long seq = threeRows("deleted");
        var row = jdbc.sql("select * from security_audit_log where seq = ?").param(seq)
                .query((rs, n) -> AuditLog.entry(rs)).single();
        asOwner(() -> jdbc.sql("delete from security_audit_log where seq = ?").param(seq).update());
        try {
            Verification v = audit.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBrokenSeq()).isEqualTo(seq);
            assertThat(v.reason()).contains("missing");
        } finally {
            jdbc.sql("""
                    insert into security_audit_log (seq, occurred_at, actor, action, target, outcome, detail,
                        client_address, prev_hash, row_hash, key_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(row.seq(), Timestamp.from(row.occurredAt()), row.actor(), row.action(), row.target(),
                            row.outcome(), row.detail(), row.clientAddress(), row.prevHash(), row.rowHash(),
                            row.keyId()).update();
        }
    }

    @Test
    void twoRowsSwappedAreFound() {
        long seq = threeRows("swapped");
        long next = seq + 1;
        asOwner(() -> {
            jdbc.sql("update security_audit_log set seq = -1 where seq = ?").param(seq).update();
            jdbc.sql("update security_audit_log set seq = ? where seq = ?").params(seq, next).update();
            jdbc.sql("update security_audit_log set seq = ? where seq = -1").param(next).update();
        });
        try {
            Verification v = audit.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBrokenSeq()).isEqualTo(seq);
            assertThat(v.reason()).contains("does not link");
        } finally {
            asOwner(() -> {
                jdbc.sql("update security_audit_log set seq = -1 where seq = ?").param(seq).update();
                jdbc.sql("update security_audit_log set seq = ? where seq = ?").params(seq, next).update();
                jdbc.sql("update security_audit_log set seq = ? where seq = -1").param(next).update();
            });
        }
    }

    @Test
    void rowsCutFromTheEndAreFoundByTheHeadExportedOutsideTheDatabase() throws Exception {
        threeRows("cut");
        var exported = export.export();
        assertThat(exported).isPresent();
        Path file = Path.of(properties.headExport().directory(), AuditHeadExport.FILE);
        assertThat(Files.readString(file)).contains("\t" + exported.get().seq() + "\t" + exported.get().mac());
        assertThat(export.export()).as("an unchanged head is not written twice").isEmpty();

        long last = exported.get().seq();
        List<AuditLog.Entry> tail = jdbc.sql("select * from security_audit_log where seq >= ? order by seq")
                .param(last - 1).query((rs, n) -> AuditLog.entry(rs)).list();
        var head = jdbc.sql("select last_seq, last_hash from security_audit_head where id = 1")
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).single();
        // someone removes the last two rows and moves the head row back, so that the database agrees with itself
        asOwner(() -> jdbc.sql("delete from security_audit_log where seq >= ?").param(last - 1).update());
        String before = jdbc.sql("select row_hash from security_audit_log where seq = ?").param(last - 2)
                .query(String.class).single();
        jdbc.sql("update security_audit_head set last_seq = ?, last_hash = ? where id = 1").params(last - 2, before)
                .update();
        try {
            Verification v = audit.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBrokenSeq()).isEqualTo(last - 1);
            assertThat(v.reason()).contains("removed").contains("exported");
            assertThat(v.exportedHeadSeq()).isEqualTo(last);
        } finally {
            for (var row : tail) {
                jdbc.sql("""
                        insert into security_audit_log (seq, occurred_at, actor, action, target, outcome, detail,
                            client_address, prev_hash, row_hash, key_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(row.seq(), Timestamp.from(row.occurredAt()), row.actor(), row.action(),
                                row.target(), row.outcome(), row.detail(), row.clientAddress(), row.prevHash(),
                                row.rowHash(), row.keyId()).update();
            }
            jdbc.sql("update security_audit_head set last_seq = ?, last_hash = ? where id = 1")
                    .params(head.getKey(), head.getValue()).update();
        }
        assertThat(audit.verify().exportedHeadSeq()).isEqualTo(last);
    }

    @Test
    void rowsPastTheRetentionMoveToTheArchiveAndStillVerify() {
        threeRows("archive");
        long live = jdbc.sql("select count(*) from security_audit_log").query(Long.class).single();
        if (postgres()) {
            // the owner's function never moves a row younger than 180 days, whatever the caller asks
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc
                    .sql("select security_audit_archive_before(?, 10)")
                    .param(Timestamp.from(Instant.now().minus(Duration.ofDays(1)))).query(Integer.class).single())
                    .hasMessageContaining("younger than 180 days");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc
                    .sql("delete from security_audit_archive where seq = (select min(seq) from security_audit_archive)")
                    .update()).hasMessageContaining("append-only");
            return;
        }
        // H2: a clock a year ahead makes every row older than the retention
        Clock later = Clock.fixed(Instant.now().plus(Duration.ofDays(365)), ZoneOffset.UTC);
        AuditProperties smallBatches = new AuditProperties(properties.key(), "", false, properties.keyId(), Map.of(),
                properties.headExport(), new AuditProperties.Retention(180, Duration.ofHours(6), 7));
        long moved = new AuditArchive(jdbc, later, smallBatches, transactions, dataSource).archive();
        assertThat(moved).isEqualTo(live);
        assertThat(jdbc.sql("select count(*) from security_audit_log").query(Long.class).single()).isZero();
        Verification v = audit.verify();
        assertThat(v.intact()).as(v.reason()).isTrue();
        assertThat(v.rows()).as("archived rows are part of the chain").isGreaterThanOrEqualTo(live);

        audit.record("tester", "TEST", "after archive", "OK", null, null);
        assertThat(audit.verify().intact()).as("the live table continues the archived chain").isTrue();
    }
}
