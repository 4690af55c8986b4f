package cn.civicloop.open311;

import java.time.Instant;
import java.util.List;

import cn.civicloop.directory.Actor;

/**
 * The outside systems allowed to submit through the Open311 server (owner role: ADMIN — the caller checks). A key is
 * shown once, when it is issued; only its hash is kept, so a lost key is replaced by rotating, which makes the old
 * one useless at once.
 */
public interface Open311Clients {

    List<Client> clients();

    /** A new client with a fresh key; refused when the name is taken. */
    IssuedKey create(String name, Actor by);

    /** A fresh key for the client; the previous key stops working. */
    IssuedKey rotate(long clientId, Actor by);

    /** Switches the client off (its key is refused) or on again. */
    Client setActive(long clientId, boolean active, Actor by);

    /**
     * A client of the Open311 server.
     *
     * @param keyHint the first characters of its current key, to tell keys apart without showing them
     */
    record Client(long id, String name, String keyHint, boolean active, Instant createdAt, Instant rotatedAt) {
    }

    /** A key as issued: {@code apiKey} is in clear here and nowhere else. */
    record IssuedKey(Client client, String apiKey) {
    }
}
