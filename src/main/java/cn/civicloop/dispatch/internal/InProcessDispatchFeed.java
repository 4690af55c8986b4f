package cn.civicloop.dispatch.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import cn.civicloop.dispatch.DispatchFeed;

/**
 * Server-Sent Events to the browsers connected to this instance: desks and command maps get everything, a
 * terminal only its unit's events. A client whose connection broke is dropped; its EventSource reconnects and
 * re-fetches the state, so nothing depends on every event arriving.
 */
@Component
public class InProcessDispatchFeed implements DispatchFeed {

    private record Subscriber(String unitCode, SseEmitter emitter) {
    }

    private final CopyOnWriteArrayList<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final long timeoutMillis;

    InProcessDispatchFeed(@Value("${civicloop.dispatch.push-timeout-millis:900000}") long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    /** A desk or command map; {@code unitCode} null. Or a unit's terminal. */
    public SseEmitter subscribe(String unitCode) {
        SseEmitter emitter = new SseEmitter(timeoutMillis);
        Subscriber s = new Subscriber(unitCode, emitter);
        subscribers.add(s);
        emitter.onCompletion(() -> subscribers.remove(s));
        emitter.onTimeout(() -> subscribers.remove(s));
        emitter.onError(e -> subscribers.remove(s));
        send(s, "hello", Map.of("unit", unitCode == null ? "" : unitCode));
        return emitter;
    }

    @Override
    public void toCentre(String kind, Map<String, Object> data) {
        subscribers.stream().filter(s -> s.unitCode() == null).forEach(s -> send(s, kind, data));
    }

    @Override
    public void toUnit(String unitCode, String kind, Map<String, Object> data) {
        subscribers.stream().filter(s -> unitCode.equals(s.unitCode())).forEach(s -> send(s, kind, data));
    }

    private void send(Subscriber s, String kind, Map<String, Object> data) {
        Map<String, Object> body = new LinkedHashMap<>(data);
        body.put("kind", kind);
        try {
            s.emitter().send(SseEmitter.event().name(kind).data(body));
        } catch (IOException | IllegalStateException e) {
            subscribers.remove(s);
        }
    }
}
