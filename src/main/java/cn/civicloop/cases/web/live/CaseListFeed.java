package cn.civicloop.cases.web.live;

import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.CaseActions;
import cn.civicloop.cluster.ClusterProperties;
import cn.civicloop.cluster.ClusterSignals;
import cn.civicloop.directory.Actor;
import cn.civicloop.directory.Directory;
import cn.civicloop.directory.Role;
import cn.civicloop.shared.web.EventStreams;

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
class CaseListFeed {

    private record Viewer(Actor actor, Long parentDepartment, AtomicBoolean dirty) {
    }

    private final EventStreams.Channel<Viewer> viewers;
    private final Directory directory;
    /** Actions after which the holder the case left must refresh too (the event names only the new holder). */
    private final Set<CaseAction> moves;

    CaseListFeed(ClusterSignals signals, Directory directory, EventStreams streams, ClusterProperties settings,
            CaseActions actions) {
        this.directory = directory;
        this.moves = Set.copyOf(actions.movingBetweenHolders());
        this.viewers = streams.channel("case-lists", EventStreams.DEFAULT_TIMEOUT);
        signals.subscribe(CaseChangeSignals.TOPIC, new ClusterSignals.Subscriber() {
            @Override
            public void onSignal(String payload) {
                CaseChangeSignals.Change change = CaseChangeSignals.Change.parse(payload);
                viewers.subscribers().stream().filter(v -> concerns(v, change)).forEach(v -> v.dirty().set(true));
            }

            @Override
            public void onGap() {
                viewers.subscribers().forEach(v -> v.dirty().set(true));
            }
        });
        streams.every(settings.caseListInterval(), this::flush);
    }

    SseEmitter subscribe(Actor actor) {
        Long parent = actor.departmentId() == null ? null
                : directory.department(actor.departmentId()).map(d -> d.parentId()).orElse(null);
        return viewers.open(new Viewer(actor, parent, new AtomicBoolean()), "hello", "{}");
    }

    static boolean concerns(Actor actor, Long parentDepartment, CaseChangeSignals.Change change, Set<CaseAction> moves) {
        if (actor.has(Role.OPERATOR) || actor.has(Role.LEADER) || (actor.has(Role.TRIAGE_OFFICER) && actor.districtWide())) {
            return true;
        }
        Long dept = change.departmentId();
        return dept == null || moves.contains(change.action()) || dept.equals(actor.departmentId())
                || dept.equals(parentDepartment);
    }

    private boolean concerns(Viewer v, CaseChangeSignals.Change change) {
        return concerns(v.actor(), v.parentDepartment(), change, moves);
    }

    /** One {@code changed} to each viewer marked since the last flush (the mark is taken as it is read). */
    private void flush() {
        viewers.send(v -> v.dirty().getAndSet(false), "changed", "{}");
    }
}
