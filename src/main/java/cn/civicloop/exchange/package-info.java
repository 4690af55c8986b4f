/**
 * Event exchange (事件外发): the domain events other systems need — a data-sharing platform, the city's 12345
 * platform, the 110 linkage centre's members — published to Apache Kafka through Spring Modulith's event
 * externalization (ADR 0028, docs/events.md). Off unless {@code civicloop.events.kafka.enabled=true}.
 * <p>
 * Root package = the published contract: one record per event ({@link cn.civicloop.exchange.ExternalEvent}), each
 * {@code @Externalized} to its family's topic with the case, incident or whistle as the key, versioned by its
 * {@code schemaVersion} field and header. They are explicit copies, never the domain events themselves: staff ids,
 * free text and personal data stay inside. {@code internal} selects and maps the domain events of {@code cases},
 * {@code dispatch} and {@code roads}; a send that fails (broker down) leaves its publication incomplete for the
 * resubmission of {@code ops}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Event exchange (事件外发)",
        allowedDependencies = {"shared", "directory", "cases", "dispatch", "roads"})
package cn.civicloop.exchange;
