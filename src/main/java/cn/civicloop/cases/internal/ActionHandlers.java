package cn.civicloop.cases.internal;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.CaseCommand;
import cn.civicloop.directory.Actor;

/**
 * A family of action handlers (registration, assignment, handling, review, supervision, co-handling): what each
 * action changes on the case besides its status, the checks it makes beyond the catalogue's, and the remark it
 * leaves. Access and the status move are decided before a handler runs; the record is written after it.
 */
interface ActionHandlers {

    /** Names the handler of each action of the family. */
    void register(Registry registry);

    /** What one action does, on its own command type. */
    @FunctionalInterface
    interface Handler<C extends CaseCommand> {
        Step apply(Case c, C command, Actor actor, Instant now);
    }

    /** The handlers by action; an action has one handler at most. */
    final class Registry {

        private final Map<CaseAction, Handler<CaseCommand>> handlers = new EnumMap<>(CaseAction.class);

        <C extends CaseCommand> Registry on(CaseAction action, Class<C> type, Handler<C> handler) {
            Handler<CaseCommand> checked = (c, command, actor, now) -> handler.apply(c, type.cast(command), actor, now);
            if (handlers.putIfAbsent(action, checked) != null) {
                throw new IllegalStateException("two handlers for " + action);
            }
            return this;
        }

        Map<CaseAction, Handler<CaseCommand>> handlers() {
            return Collections.unmodifiableMap(handlers);
        }
    }
}
