package cn.civicloop.dispatch.internal;

import cn.civicloop.directory.Actor;
import cn.civicloop.directory.Role;
import cn.civicloop.shared.ForbiddenException;

/** Who may do what in dispatch: the 110 desk commands, leaders read, each unit's terminal acts for its unit only. */
public final class Access {

    private Access() {
    }

    public static void desk(Actor actor) {
        if (!actor.has(Role.POLICE_DISPATCHER) && !actor.has(Role.SYSTEM)) {
            throw new ForbiddenException("仅110接处警调度员可操作 (only the 110 dispatcher may do this)");
        }
    }

    public static void read(Actor actor) {
        if (!actor.has(Role.POLICE_DISPATCHER) && !actor.has(Role.LEADER) && !actor.has(Role.SYSTEM)) {
            throw new ForbiddenException("无权查看警情 (only the 110 desk and leaders see incidents)");
        }
    }

    public static void terminal(Actor actor) {
        if (!actor.has(Role.POLICE_OFFICER)) {
            throw new ForbiddenException("仅巡组终端可操作 (only a unit's terminal may do this)");
        }
    }
}
