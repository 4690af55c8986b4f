package cn.civicloop.partner.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.civicloop.partner.PartnerAdministration.Delivery;
import cn.civicloop.shared.NotFoundException;
import cn.civicloop.shared.Phrase;

/**
 * The webhook outbox. A delivery is written in the transaction of the listener that learnt of the case change (so it
 * exists exactly when the change was recorded, once per event and client), claimed for one attempt at a time, and
 * ends DELIVERED or, after the last retry, DEAD — a dead letter an administrator can queue again.
 */
@Repository
class WebhookOutbox {

    static final String PENDING = "PENDING";
    /** Claimed for an attempt: {@code next_attempt_at} is then the end of the lease. */
    static final String SENDING = "SENDING";
    static final String DELIVERED = "DELIVERED";
    static final String DEAD = "DEAD";

    private static final String SELECT = """
            select d.*, c.name as client_name from partner_delivery d join partner_client c on c.id = d.client_ref
            """;

    private final JdbcClient jdbc;

    WebhookOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A delivery due for an attempt. */
    record Due(long id, long clientRef, String eventId, String eventType, int attempts, String body) {
    }

    void enqueue(long clientRef, String eventId, String eventType, String caseNumber, String body, Instant now) {
        jdbc.sql("""
                insert into partner_delivery (client_ref, event_id, event_type, case_number, body, status, attempts,
                    next_attempt_at, created_at)
                values (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?) on conflict do nothing""")
                .params(clientRef, eventId, eventType, caseNumber, body, Timestamp.from(now), Timestamp.from(now))
                .update();
    }

    /** Pending deliveries whose time has come, oldest first. */
    List<Due> due(Instant now, int limit) {
        return jdbc.sql("""
                select id, client_ref, event_id, event_type, attempts, body from partner_delivery
                where status in ('PENDING', 'SENDING') and next_attempt_at <= ? order by next_attempt_at, id limit ?""")
                .params(Timestamp.from(now), limit)
                .query((rs, n) -> new Due(rs.getLong("id"), rs.getLong("client_ref"), rs.getString("event_id"),
                        rs.getString("event_type"), rs.getInt("attempts"), rs.getString("body")))
                .list();
    }

    /**
     * Takes a delivery for one attempt: counts it, marks it SENDING and pushes its due time to {@code leaseUntil}, so
     * nobody else sends it meanwhile and a sender that dies mid-way leaves it to be retried once the lease ended.
     * False if another sender was faster.
     */
    boolean claim(Due due, Instant leaseUntil) {
        return jdbc.sql("""
                update partner_delivery set status = 'SENDING', attempts = attempts + 1, next_attempt_at = ?
                where id = ? and attempts = ? and status in ('PENDING', 'SENDING')""")
                .params(Timestamp.from(leaseUntil), due.id(), due.attempts()).update() == 1;
    }

    void delivered(long id, Instant now) {
        jdbc.sql("update partner_delivery set status = 'DELIVERED', delivered_at = ?, last_error = null where id = ?")
                .params(Timestamp.from(now), id).update();
    }

    void retryAt(long id, Instant next, String error) {
        jdbc.sql("update partner_delivery set status = 'PENDING', next_attempt_at = ?, last_error = ? where id = ?")
                .params(Timestamp.from(next), error, id).update();
    }

    void dead(long id, String error) {
        jdbc.sql("update partner_delivery set status = 'DEAD', last_error = ? where id = ?").params(error, id).update();
    }

    /** A dead letter queued again with a fresh count of attempts; false when it is not dead. */
    boolean replay(long id, Instant now) {
        return jdbc.sql("""
                update partner_delivery set status = 'PENDING', attempts = 0, next_attempt_at = ?
                where id = ? and status = 'DEAD'""").params(Timestamp.from(now), id).update() == 1;
    }

    List<Delivery> dead(int limit) {
        return jdbc.sql(SELECT + " where d.status = 'DEAD' order by d.id desc limit ?").param(limit)
                .query(WebhookOutbox::delivery).list();
    }

    List<Delivery> ofClient(long clientRef, int limit) {
        return jdbc.sql(SELECT + " where d.client_ref = ? order by d.id desc limit ?").params(clientRef, limit)
                .query(WebhookOutbox::delivery).list();
    }

    Delivery byId(long id) {
        return jdbc.sql(SELECT + " where d.id = ?").param(id).query(WebhookOutbox::delivery).optional()
                .orElseThrow(() -> new NotFoundException(Phrase.of("problem.partner.no-such-delivery", "没有该推送")));
    }

    private static Delivery delivery(ResultSet rs, int n) throws SQLException {
        Timestamp delivered = rs.getTimestamp("delivered_at");
        return new Delivery(rs.getLong("id"), rs.getLong("client_ref"), rs.getString("client_name"),
                rs.getString("event_id"), rs.getString("event_type"), rs.getString("case_number"),
                rs.getString("status"), rs.getInt("attempts"), rs.getTimestamp("next_attempt_at").toInstant(),
                rs.getString("last_error"), rs.getTimestamp("created_at").toInstant(),
                delivered == null ? null : delivered.toInstant());
    }
}
