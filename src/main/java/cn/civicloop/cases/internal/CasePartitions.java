package cn.civicloop.cases.internal;

import java.util.Locale;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/**
 * Keeps the partitions of {@code cases_timeline} and {@code cases_attachment} ahead of the cases (ADR 0051): on
 * PostgreSQL both are partitioned by range of {@code case_id} (V480), and a row whose case has no partition yet could
 * not be stored. A db-scheduler recurring task, so one instance of a cluster runs it, every
 * {@code civicloop.cases.partitions.check-every}; it calls the database function {@code cases_partitions_ahead},
 * which creates the blocks missing up to {@code blocks-ahead} empty blocks above the block of the highest case id and
 * nothing when they are there. The function runs with the rights of the migrating role: the runtime role owns no
 * table. On H2 (no partitions) nothing.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CasePartitionsProperties.class)
class CasePartitions {

    static final String TASK = "case-partitions";
    private static final Logger log = LoggerFactory.getLogger(CasePartitions.class);

    @Bean
    RecurringTask<Void> casePartitionsTask(JdbcClient jdbc, DataSource dataSource, CasePartitionsProperties settings) {
        boolean postgres = postgres(dataSource);
        return Tasks.recurring(TASK, FixedDelay.of(settings.checkEvery())).execute((instance, context) -> {
            if (postgres) {
                int made = ahead(jdbc, settings.blockSize(), settings.blocksAhead());
                if (made > 0) {
                    log.info("created {} partitions of the cases' timeline and photos (blocks of {} case ids)", made,
                            settings.blockSize());
                }
            }
        });
    }

    static boolean postgres(DataSource dataSource) {
        try {
            String name = JdbcUtils.extractDatabaseMetaData(dataSource, md -> md.getDatabaseProductName());
            return name != null && name.toLowerCase(Locale.ROOT).contains("postgres");
        } catch (MetaDataAccessException e) {
            return false;
        }
    }

    /** Creates the missing blocks on PostgreSQL; returns how many partitions it created (both tables together). */
    static int ahead(JdbcClient jdbc, long blockSize, int blocksAhead) {
        return jdbc.sql("select cases_partitions_ahead(?, ?)").params(blockSize, blocksAhead).query(Integer.class)
                .single();
    }
}
