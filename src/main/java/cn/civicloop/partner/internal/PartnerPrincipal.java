package cn.civicloop.partner.internal;

import java.util.Set;

import cn.civicloop.directory.Actor;
import cn.civicloop.directory.Role;

/**
 * The agency's system behind a valid bearer token.
 *
 * @param clientRef the client's row
 * @param name      the client's name, which the case timeline records as who acted
 */
public record PartnerPrincipal(long clientRef, String clientId, String name, long departmentId) {

    /**
     * The system as it acts on cases: a handler of its agency without a staff account, so that the action catalogue's
     * rights, the reading rule "own department only" and the masking of a department apply exactly as to the agency's
     * staff; the timeline names the client.
     */
    public Actor actor() {
        return new Actor(null, "partner:" + clientId, name, Set.of(Role.HANDLER), departmentId, false);
    }
}
