package cn.civicloop.security.internal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Upgrading a database whose audit rows were chained with unkeyed SHA-256: V55.1 re-signs them with HMAC-SM3 under the
 * configured key (then they verify, and a change is found), and refuses to sign a chain that was already broken.
 */
class KeyedChainMigrationTests {

    private static final AuditProperties PROPERTIES = new AuditProperties("migration-test-key-0123456789abcdef", "",
            false, "k1", Map.of(), new AuditProperties.HeadExport("", java.time.Duration.ofMinutes(5)),
            new AuditProperties.Retention(180, java.time.Duration.ofHours(6), 100));

    private final DriverManagerDataSource db = new DriverManagerDataSource("jdbc:h2:mem:legacy-" + UUID.randomUUID()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
    private final JdbcClient jdbc = JdbcClient.create(db);
    private final AuditKeys keys = AuditKeys.from(PROPERTIES);

    private Flyway flyway(String target) {
        return Flyway.configure().dataSource(db)
                .locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .javaMigrations(new KeyedChainMigration(keys)).target(target).load();
    }

    /** Rows as the application wrote them before the keyed chain. */
    private void legacyRows(int n) {
        String prev = AuditChain.GENESIS;
        Instant at = Instant.parse("2026-03-01T08:00:00Z");
        for (long seq = 1; seq <= n; seq++) {
            Instant t = at.plus(seq, ChronoUnit.MINUTES);
            String hash = AuditChain.legacySha256(prev, seq, t, "admin", "ADMIN_CHANGE", "POST /admin/staff", "OK 200",
                    null, "127.0.0.1");
            jdbc.sql("insert into security_audit_log (seq, occurred_at, actor, action, target, outcome, detail, "
                    + "client_address, prev_hash, row_hash) values (?, ?, 'admin', 'ADMIN_CHANGE', "
                    + "'POST /admin/staff', 'OK 200', null, '127.0.0.1', ?, ?)")
                    .params(seq, Timestamp.from(t), prev, hash).update();
            prev = hash;
        }
        jdbc.sql("update security_audit_head set last_seq = ?, last_hash = ? where id = 1").params(n, prev).update();
    }

    private AuditChainVerifier verifier() {
        return new AuditChainVerifier(jdbc, keys, new AuditHeadExport(jdbc, Clock.fixed(Instant.EPOCH,
                ZoneOffset.UTC), PROPERTIES));
    }

    @Test
    void legacyRowsAreResignedWithTheKeyAndVerify() {
        flyway("55").migrate();
        legacyRows(12_001); // more than two of the migration's pages
        flyway("latest").migrate();

        var v = verifier().verify();
        assertThat(v.intact()).as(v.reason()).isTrue();
        assertThat(v.rows()).isEqualTo(12_001);
        assertThat(jdbc.sql("select count(*) from security_audit_log where key_id = 'k1'").query(Long.class).single())
                .isEqualTo(12_001);

        jdbc.sql("update security_audit_log set actor = 'someone' where seq = 7000").update();
        var broken = verifier().verify();
        assertThat(broken.intact()).isFalse();
        assertThat(broken.firstBrokenSeq()).isEqualTo(7000);
    }

    @Test
    void aLegacyChainThatWasAlreadyBrokenIsNotSigned() {
        flyway("55").migrate();
        legacyRows(5);
        jdbc.sql("update security_audit_log set target = 'forged' where seq = 3").update();

        assertThatThrownBy(() -> flyway("latest").migrate()).hasStackTraceContaining("already broken at row 3");
        assertThat(jdbc.sql("select count(*) from security_audit_log where key_id is not null").query(Long.class)
                .single()).as("nothing signed").isZero();
    }
}
