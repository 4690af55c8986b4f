package cn.civicloop.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.support.DelegatingEventExternalizer;

import cn.civicloop.support.Api;
import cn.civicloop.support.ApiTest;

/**
 * Without {@code civicloop.events.kafka.enabled} (the demo, every other test) nothing is externalized: no
 * externalizer listens, so a case's events store no publication for one and no Kafka producer is ever asked for.
 */
class KafkaOffByDefaultTests extends ApiTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProducerFactory<Object, Object> producers;

    @Test
    void noExternalizerListensAndNoPublicationIsStoredForOne() {
        assertThat(context.getBeanNamesForType(DelegatingEventExternalizer.class)).isEmpty();
        assertThat(context.getBeanNamesForType(EventExternalizationConfiguration.class)).isEmpty();
        Api.Answer submitted = submit(appeal("君山路垃圾未清运"));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String number = submitted.text("number");
        api.ok("operator", number, "register", java.util.Map.of(), "REGISTERED");
        assertThat(jdbc.sql("select count(*) from event_publication where serialized_event like ? "
                + "and (listener_id like '%Externalizer%' or listener_id like '%KafkaSender%')").param("%" + number + "%").query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from event_publication where serialized_event like ?")
                .param("%" + number + "%").query(Long.class).single()).as("the modules' own listeners still are")
                .isPositive();
    }

    /**
     * The producer settings of application.yml are the ones production gets once switched on: Kafka must accept them
     * (it refuses a delivery timeout shorter than the request timeout plus linger). Built here on purpose, and closed
     * unused; nothing else in this context ever builds one.
     */
    @Test
    void theProducerSettingsSwitchedOnAreAcceptedByKafka() {
        // a producer of its own, not the factory's shared one, which would stay open in this cached context
        try (var producer = new KafkaProducer<>(producers.getConfigurationProperties())) {
            assertThat(producer.metrics()).isNotEmpty();
        }
    }
}
