package cn.civicloop.notify;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives the notification tests their own in-memory H2 database. Every cached test context runs a db-scheduler
 * on its database; sharing one would let another context's scheduler take the delivery task and hold it for
 * its own (longer) interval. On PostgreSQL the database is shared and only the waits get longer: the messages
 * of these tests go through a channel no other context has, so nobody else can send them.
 */
class OwnInMemoryDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String url = context.getEnvironment().getProperty("spring.datasource.url", "");
        if (url.startsWith("jdbc:h2:mem:")) {
            String own = url.replaceFirst("^jdbc:h2:mem:[^;]*", "jdbc:h2:mem:civicloop-notify");
            context.getEnvironment().getPropertySources()
                    .addFirst(new MapPropertySource("notify-test-database", Map.of("spring.datasource.url", own)));
        }
    }
}
