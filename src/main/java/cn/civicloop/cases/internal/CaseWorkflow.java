package cn.civicloop.cases.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.CaseCommand;
import cn.civicloop.directory.Actor;

/**
 * Hands each command to its action's handler. At start it checks that every action people take (the catalogue's
 * entries with a command) has exactly one handler and no handler serves an action nobody can take.
 */
@Component
class CaseWorkflow {

    private final Map<CaseAction, ActionHandlers.Handler<CaseCommand>> handlers;

    CaseWorkflow(List<ActionHandlers> families) {
        ActionHandlers.Registry registry = new ActionHandlers.Registry();
        families.forEach(f -> f.register(registry));
        this.handlers = registry.handlers();
        String unhandled = ActionCatalogue.all().stream()
                .filter(e -> e.takenByRequest() != handlers.containsKey(e.action()))
                .map(e -> e.action().name()).collect(Collectors.joining(", "));
        if (!unhandled.isEmpty()) {
            throw new IllegalStateException("catalogue and handlers disagree on: " + unhandled
                    + " (an action taken by request needs one handler; a recorded step none)");
        }
    }

    Step apply(Case c, CaseCommand command, Actor actor, Instant now) {
        return handlers.get(command.action()).apply(c, command, actor, now);
    }
}
