package cn.civicloop.web.live;

import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import cn.civicloop.cases.CaseAction;
import cn.civicloop.cluster.ClusterSignals;
import cn.civicloop.directory.Actor;
import cn.civicloop.directory.Directory;
import cn.civicloop.directory.Role;

/**
 * Tells the staff case lists open on this instance that a case in their viewer's scope changed, on any instance.
 * The event is only {@code changed} with no data: the page re-fetches the list under the viewer's own rights, so
 * nothing of another department's cases leaves the server. Signals are folded: a viewer gets at most one
 * {@code changed} per {@code civicloop.cluster.case-list-interval} (default 1 s), however busy the district is.
 * <p>
 * Scope, deliberately a little wide (a needless refresh costs one list query, a missed one a stale list until the
 * fallback poll): the district centre and leaders hear every change; department staff hear changes of cases their
 * department (or its parent, for a unit's staff) now holds, changes with no holder, and every action that moves a
 * case between holders (the event names only the new holder).
 */
@Component
class CaseListFeed implements DisposableBean, SmartLifecycle {

    private static final Set<CaseAction> MOVES = EnumSet.of(CaseAction.ASSIGN, CaseAction.REASSIGN,
            CaseAction.ASSIGN_UNIT, CaseAction.RETURN, CaseAction.DENY_RETURN, CaseAction.ARBITRATE, CaseAction.VOID,
            CaseAction.MERGE, CaseAction.ADD_CO_HANDLER, CaseAction.RELEASE_CO_HANDLER, CaseAction.CO_RETURN);

    private record Viewer(Actor actor, Long parentDepartment, SseEmitter emitter, AtomicBoolean dirty) {
    }

    private final CopyOnWriteArrayList<Viewer> viewers = new CopyOnWriteArrayList<>();
    private final Directory directory;
    private final long timeoutMillis;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "case-list-feed");
        t.setDaemon(true);
        return t;
    });

    CaseListFeed(ClusterSignals signals, Directory directory,
            @Value("${civicloop.dispatch.push-timeout-millis:900000}") long timeoutMillis,
            @Value("${civicloop.cluster.case-list-interval:PT1S}") java.time.Duration interval) {
        this.directory = directory;
        this.timeoutMillis = timeoutMillis;
        signals.subscribe(CaseChangeSignals.TOPIC, new ClusterSignals.Subscriber() {
            @Override
            public void onSignal(String payload) {
                CaseChangeSignals.Change change = CaseChangeSignals.Change.parse(payload);
                viewers.stream().filter(v -> concerns(v, change)).forEach(v -> v.dirty().set(true));
            }

            @Override
            public void onGap() {
                viewers.forEach(v -> v.dirty().set(true));
            }
        });
        long millis = Math.max(100, interval.toMillis());
        ticker.scheduleWithFixedDelay(this::flush, millis, millis, TimeUnit.MILLISECONDS);
        ticker.scheduleWithFixedDelay(this::keepAlive, 25, 25, TimeUnit.SECONDS);
    }

    private volatile boolean running;

    @Override
    public void start() {
        running = true;
    }

    /** Ends the streams before the web server's graceful shutdown waits for open requests; browsers reconnect. */
    @Override
    public void stop() {
        running = false;
        viewers.forEach(v -> v.emitter().complete());
        viewers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    SseEmitter subscribe(Actor actor) {
        Long parent = actor.departmentId() == null ? null
                : directory.department(actor.departmentId()).map(d -> d.parentId()).orElse(null);
        SseEmitter emitter = new SseEmitter(timeoutMillis);
        Viewer v = new Viewer(actor, parent, emitter, new AtomicBoolean());
        viewers.add(v);
        emitter.onCompletion(() -> viewers.remove(v));
        emitter.onTimeout(() -> viewers.remove(v));
        emitter.onError(e -> viewers.remove(v));
        send(v, SseEmitter.event().name("hello").data("{}"));
        return emitter;
    }

    static boolean concerns(Actor actor, Long parentDepartment, CaseChangeSignals.Change change) {
        if (actor.has(Role.OPERATOR) || actor.has(Role.LEADER) || (actor.has(Role.DISPATCHER) && actor.districtWide())) {
            return true;
        }
        Long dept = change.departmentId();
        return dept == null || MOVES.contains(change.action()) || dept.equals(actor.departmentId())
                || dept.equals(parentDepartment);
    }

    private static boolean concerns(Viewer v, CaseChangeSignals.Change change) {
        return concerns(v.actor(), v.parentDepartment(), change);
    }

    private void flush() {
        for (Viewer v : viewers) {
            if (v.dirty().getAndSet(false)) {
                send(v, SseEmitter.event().name("changed").data("{}"));
            }
        }
    }

    private void keepAlive() {
        viewers.forEach(v -> send(v, SseEmitter.event().comment("keep-alive")));
    }

    private void send(Viewer v, SseEmitter.SseEventBuilder event) {
        try {
            v.emitter().send(event);
        } catch (IOException | IllegalStateException e) {
            viewers.remove(v);
        }
    }

    @Override
    public void destroy() {
        ticker.shutdownNow();
    }
}
