package cn.civicloop.support;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives a test context an in-memory H2 database of its own, named by {@link #name()}, when the suite runs on H2; on
 * PostgreSQL the configured database stays. For contexts whose background work (a model trained at start, the
 * db-scheduler tasks of a module) must not touch the rows of the other contexts, nor they its rows.
 */
public abstract class OwnH2Database implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    protected abstract String name();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String url = context.getEnvironment().getProperty("spring.datasource.url", "");
        if (url.startsWith("jdbc:h2:mem:")) {
            String own = url.replaceFirst("^jdbc:h2:mem:[^;]*", "jdbc:h2:mem:" + name());
            context.getEnvironment().getPropertySources()
                    .addFirst(new MapPropertySource("own-h2-database-" + name(), Map.of("spring.datasource.url", own)));
        }
    }
}
