package cn.civicloop.cluster.internal;

import javax.sql.DataSource;

import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import cn.civicloop.cluster.ClusterProperties;
import cn.civicloop.cluster.ClusterSignals;

/**
 * Chooses the transport: {@code civicloop.cluster.signals=auto} (default) uses LISTEN/NOTIFY when the database is
 * PostgreSQL and in-process delivery otherwise (H2 serves one instance); {@code postgresql} or {@code in-process}
 * force one.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClusterProperties.class)
class ClusterConfiguration {

    @Bean(destroyMethod = "close")
    ClusterSignals clusterSignals(DataSource dataSource, Environment env, ClusterProperties settings) {
        String mode = settings.signals();
        String url = env.getProperty("spring.datasource.url", "");
        boolean postgres = switch (mode) {
            case "postgresql" -> true;
            case "in-process" -> false;
            case "auto" -> url.startsWith("jdbc:postgresql:");
            default -> throw new IllegalStateException("civicloop.cluster.signals: auto, postgresql or in-process, not " + mode);
        };
        ClusterSignals signals;
        if (postgres) {
            PostgresSignals pg = new PostgresSignals(dataSource, url, env.getProperty("spring.datasource.username"),
                    env.getProperty("spring.datasource.password"));
            pg.start();
            signals = pg;
        } else {
            signals = new InProcessSignals();
        }
        LoggerFactory.getLogger(ClusterConfiguration.class).info("cluster signals: {}", signals.transport());
        return signals;
    }
}
