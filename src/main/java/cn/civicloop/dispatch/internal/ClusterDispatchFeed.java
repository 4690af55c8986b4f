package cn.civicloop.dispatch.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import cn.civicloop.cluster.ClusterSignals;
import cn.civicloop.dispatch.DispatchFeed;
import cn.civicloop.shared.web.EventStreams;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Server-Sent Events to desks, command maps and terminals connected to any instance: what is pushed goes out as a
 * cluster signal (topic {@code dispatch}: kind, unit and ids — PostgreSQL LISTEN/NOTIFY between instances), and
 * every instance writes the signals it hears to the browsers connected to it — desks and command maps get
 * everything, a terminal only its unit's events. A client whose connection broke is dropped; its EventSource
 * reconnects and re-fetches the state; after a gap in the signals every client is sent {@code resync} and re-fetches.
 * The streams are kept by the {@link EventStreams} hub: removed when they end or fail, kept alive, and ended first
 * when the instance shuts down, so the web server's graceful shutdown does not wait for them and the browsers
 * reconnect (to another instance behind the balancer).
 */
@Component
public class ClusterDispatchFeed implements DispatchFeed {

    static final String TOPIC = "dispatch";
    private static final Logger log = LoggerFactory.getLogger(ClusterDispatchFeed.class);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private record Subscriber(String unitCode) {
    }

    private final EventStreams.Channel<Subscriber> subscribers;
    private final ClusterSignals signals;
    private final JsonMapper json;

    ClusterDispatchFeed(ClusterSignals signals, JsonMapper json, EventStreams streams,
            DispatchProperties settings) {
        this.signals = signals;
        this.json = json;
        this.subscribers = streams.channel("dispatch", Duration.ofMillis(settings.pushTimeoutMillis()));
        signals.subscribe(TOPIC, new ClusterSignals.Subscriber() {
            @Override
            public void onSignal(String payload) {
                receive(payload);
            }

            @Override
            public void onGap() {
                subscribers.send(s -> true, "resync", body("resync", Map.of()));
            }
        });
    }

    /** A desk or command map; {@code unitCode} null. Or a unit's terminal. */
    public SseEmitter subscribe(String unitCode) {
        return subscribers.open(new Subscriber(unitCode), "hello",
                body("hello", Map.of("unit", unitCode == null ? "" : unitCode)));
    }

    @Override
    public void toCentre(String kind, Map<String, Object> data) {
        publish(null, kind, data);
    }

    @Override
    public void toUnit(String unitCode, String kind, Map<String, Object> data) {
        publish(unitCode, kind, data);
    }

    private void publish(String unitCode, String kind, Map<String, Object> data) {
        Map<String, Object> signal = new LinkedHashMap<>();
        signal.put("unit", unitCode);
        signal.put("kind", kind);
        signal.put("data", data);
        try {
            signals.publish(TOPIC, json.writeValueAsString(signal));
        } catch (RuntimeException e) {
            // called after the commit: the change stands, clients see it on their next re-fetch
            log.warn("dispatch push of {} not sent: {}", kind, e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private void receive(String payload) {
        Map<String, Object> signal = json.readValue(payload, MAP);
        String unitCode = (String) signal.get("unit");
        String kind = (String) signal.get("kind");
        Map<String, Object> data = signal.get("data") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        subscribers.send(s -> unitCode == null ? s.unitCode() == null : unitCode.equals(s.unitCode()), kind,
                body(kind, data));
    }

    /** What a client reads: the event's data with its kind. */
    private static Map<String, Object> body(String kind, Map<String, Object> data) {
        Map<String, Object> body = new LinkedHashMap<>(data);
        body.put("kind", kind);
        return body;
    }
}
