package cn.civicloop.roads.internal;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A state machine as one table: for each status, the actions allowed and the status they lead to; anything not in
 * the table is refused. Filled once when its owner class loads, read-only afterwards.
 */
public final class StatusTable<S extends Enum<S>, A extends Enum<A>> {

    private final Map<S, Map<A, S>> table;
    private final Class<A> actions;

    public StatusTable(Class<S> statuses, Class<A> actions) {
        this.table = new EnumMap<>(statuses);
        this.actions = actions;
    }

    public StatusTable<S, A> allow(S from, A action, S to) {
        table.computeIfAbsent(from, s -> new EnumMap<>(actions)).put(action, to);
        return this;
    }

    /** The status {@code action} leads to from {@code from}, or empty if it is not allowed there. */
    public Optional<S> target(S from, A action) {
        return Optional.ofNullable(table.getOrDefault(from, Map.of()).get(action));
    }

    public Set<A> allowedIn(S status) {
        return Collections.unmodifiableSet(table.getOrDefault(status, Map.of()).keySet());
    }
}
