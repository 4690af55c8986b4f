package cn.civicloop.security.internal.audit;

import java.time.Clock;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/** The audit chain's key, verifier, head export and retention (docs/security.md, "Audit"). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditProperties.class)
public class AuditConfiguration {

    static final String HEAD_EXPORT_TASK = "audit-head-export";
    static final String ARCHIVE_TASK = "audit-archive";
    private static final Logger log = LoggerFactory.getLogger(AuditConfiguration.class);

    @Bean
    static AuditKeys auditKeys(AuditProperties properties) {
        return AuditKeys.from(properties);
    }

    /** Flyway V55.1 (Spring Boot hands JavaMigration beans to Flyway). */
    @Bean
    static KeyedChainMigration keyedAuditChainMigration(AuditKeys keys) {
        return new KeyedChainMigration(keys);
    }

    @Bean
    AuditHeadExport auditHeadExport(JdbcClient jdbc, Clock clock, AuditProperties properties) {
        AuditHeadExport export = new AuditHeadExport(jdbc, clock, properties);
        if (!export.enabled()) {
            log.warn("civicloop.security.audit.head-export.directory is not set: the audit chain's head is not "
                    + "exported outside the database, so rows removed from its end by a database user holding the "
                    + "key would go unnoticed");
        }
        return export;
    }

    @Bean
    AuditChainVerifier auditChainVerifier(JdbcClient jdbc, AuditKeys keys, AuditHeadExport export) {
        return new AuditChainVerifier(jdbc, keys, export);
    }

    @Bean
    AuditArchive auditArchive(JdbcClient jdbc, Clock clock, AuditProperties properties,
            PlatformTransactionManager transactions, DataSource dataSource) {
        return new AuditArchive(jdbc, clock, properties, transactions, dataSource);
    }

    @Bean
    RecurringTask<Void> auditHeadExportTask(AuditHeadExport export, AuditProperties properties) {
        return Tasks.recurring(HEAD_EXPORT_TASK, FixedDelay.of(properties.headExport().every()))
                .execute((instance, context) -> export.export());
    }

    @Bean
    RecurringTask<Void> auditArchiveTask(AuditArchive archive, AuditProperties properties) {
        return Tasks.recurring(ARCHIVE_TASK, FixedDelay.of(properties.retention().every()))
                .execute((instance, context) -> {
                    long moved = archive.archive();
                    if (moved > 0) {
                        log.info("{} audit rows older than {} moved to security_audit_archive", moved,
                                archive.cutoff());
                    }
                });
    }
}
