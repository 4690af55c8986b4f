package cn.civicloop.exchange.internal;

import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.EventExternalizationConfiguration;

import cn.civicloop.directory.Directory;
import cn.civicloop.exchange.ExternalEvent;

/**
 * Which domain events leave for Kafka and as what. Spring Modulith's externalizer listens for the selected events
 * like any module listener: its publication is stored with the change that caused it, so a send that fails (broker
 * down, timeout) leaves the publication incomplete and {@code ops} resubmits it later; nothing is lost and nothing is
 * sent for a change that rolled back. The route (topic and key) is the {@code @Externalized} of the mapped record.
 * <p>
 * {@code spring.modulith.events.externalization.enabled} follows {@code civicloop.events.kafka.enabled}
 * (application.yml): switched off, Modulith registers no externalizer, so no publication is stored for it and no
 * Kafka producer is created.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ExchangeProperties.class)
class KafkaExternalization {

    static final String TYPE_HEADER = "civicloop_event_type";
    static final String VERSION_HEADER = "civicloop_schema_version";

    /**
     * Static and with nothing but a provider to depend on: Modulith asks for it while the event listeners are being
     * set up, before ordinary beans (the directory) can be made.
     */
    @Bean
    @ConditionalOnBooleanProperty("civicloop.events.kafka.enabled")
    static EventExternalizationConfiguration eventExternalizationConfiguration(ObjectProvider<Directory> directory) {
        ExternalEvents events = new ExternalEvents(directory::getObject);
        return EventExternalizationConfiguration.externalizing()
                .select(events::published)
                .mapping(events::map)
                .routeMapped()
                .headers(ExternalEvent.class, e -> Map.of(TYPE_HEADER, e.type(),
                        VERSION_HEADER, String.valueOf(e.schemaVersion())))
                .build();
    }
}
