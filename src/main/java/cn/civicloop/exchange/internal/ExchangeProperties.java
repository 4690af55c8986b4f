package cn.civicloop.exchange.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the event exchange, bound at {@code civicloop.events.kafka}.
 *
 * @param enabled publish the domain events to Kafka ({@code spring.kafka.bootstrap-servers} says where); off by
 *                default, so the embedded demo needs no broker and no Kafka client is ever created
 */
@ConfigurationProperties("civicloop.events.kafka")
record ExchangeProperties(@DefaultValue("false") boolean enabled) {
}
