package cn.civicloop.support;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives a test context a database of its own, named by {@link #name()}: an in-memory H2 database when the suite runs
 * on H2, a fresh database beside the configured one on PostgreSQL ({@link Node#ownDatabase}). For contexts whose
 * background work (a model trained at start, the db-scheduler tasks of a module) must not touch the rows of the
 * other contexts, nor they its rows, and for module tests, which start without the other modules' Java migrations
 * and so cannot validate a database the whole application migrated.
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
        } else if (url.startsWith("jdbc:postgresql:")) {
            String own = Node.ownDatabase(name())[0].substring("--spring.datasource.url=".length());
            context.getEnvironment().getPropertySources()
                    .addFirst(new MapPropertySource("own-database-" + name(), Map.of("spring.datasource.url", own)));
        }
    }
}
