package cn.civicloop.partner;

import java.time.Instant;
import java.util.List;

import cn.civicloop.directory.Actor;

/**
 * The linked agencies' systems, their keys and webhooks (owner role: ADMIN — the caller checks). A secret is shown
 * once, when it is issued; only its hash is kept. Every change is written to the audit log.
 */
public interface PartnerAdministration {

    List<Client> clients();

    /** A new client for the agency {@code departmentId} (a linked agency of the directory), with its first key. */
    IssuedKey create(long departmentId, String name, Actor by);

    /**
     * A fresh key; the keys still valid keep working for {@code overlapHours} more (at most until their own expiry),
     * so the agency can switch its systems over; 0 ends them at once.
     */
    IssuedKey rotate(long clientRef, int overlapHours, Actor by);

    /** Ends one key at once, and every token issued for it. */
    Client revoke(long clientRef, long keyId, Actor by);

    /** Switches the client off (its keys and tokens are refused, no webhook is sent) or on again. */
    Client setActive(long clientRef, boolean active, Actor by);

    /** Sets the webhook's address and issues a new signing secret, shown this once; a blank URL removes the webhook. */
    WebhookSecret setWebhook(long clientRef, String url, Actor by);

    /** Webhook deliveries given up after the last retry, newest first. */
    List<Delivery> deadLetters(int limit);

    /** The deliveries of one client, newest first. */
    List<Delivery> deliveries(long clientRef, int limit);

    /** Queues a dead letter again: it is sent at once, with the retries of a new delivery. */
    Delivery replay(long deliveryId, Actor by);

    /**
     * A linked agency's system.
     *
     * @param clientId the public half of its credentials
     */
    record Client(long id, String name, String clientId, long departmentId, String departmentName, boolean active,
            String webhookUrl, Instant createdAt, List<Key> keys) {
    }

    /**
     * A key of a client: {@code hint} is the first characters of its secret, to tell keys apart without showing them.
     */
    record Key(long id, String hint, Instant createdAt, Instant expiresAt, Instant revokedAt) {
    }

    /** A key as issued: {@code secret} is in clear here and nowhere else. */
    record IssuedKey(Client client, long keyId, String clientId, String secret, Instant expiresAt) {
    }

    /** The webhook's signing secret as issued, in clear here only. */
    record WebhookSecret(Client client, String secret) {
    }

    /** One webhook delivery (an event for one client): PENDING, SENDING (an attempt under way), DELIVERED or DEAD. */
    record Delivery(long id, long clientRef, String clientName, String eventId, String eventType, String caseNumber,
            String status, int attempts, Instant nextAttemptAt, String lastError, Instant createdAt,
            Instant deliveredAt) {
    }
}
