package cn.civicloop.dispatch.internal;

import cn.civicloop.directory.Actor;
import cn.civicloop.directory.Role;
import cn.civicloop.shared.ForbiddenException;
import cn.civicloop.shared.Phrase;

/** Who may do what in dispatch: the 110 desk commands, leaders read, each unit's terminal acts for its unit only. */
public final class Access {

    private Access() {
    }

    public static void desk(Actor actor) {
        if (!actor.has(Role.POLICE_DISPATCHER) && !actor.has(Role.SYSTEM)) {
            throw new ForbiddenException(Phrase.of("problem.dispatch.desk-only", "仅110接处警调度员可操作"));
        }
    }

    public static void read(Actor actor) {
        if (!actor.has(Role.POLICE_DISPATCHER) && !actor.has(Role.LEADER) && !actor.has(Role.SYSTEM)) {
            throw new ForbiddenException(Phrase.of("problem.dispatch.readers-only", "无权查看警情"));
        }
    }

    public static void terminal(Actor actor) {
        if (!actor.has(Role.POLICE_OFFICER)) {
            throw new ForbiddenException(Phrase.of("problem.dispatch.terminal-only", "仅巡组终端可操作"));
        }
    }
}
