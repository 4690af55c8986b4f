package cn.civicloop.notify.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.civicloop.notify.ResidentMessage;
import cn.civicloop.shared.PersonalDataCipher;

/**
 * Messages to residents waiting to be sent. Written in the transaction of the event listener, so a message exists
 * exactly when the case step that caused it was recorded; sent later, outside any case transaction.
 */
@Repository
class Outbox {

    static final String PENDING = "PENDING";
    static final String SENT = "SENT";
    static final String FAILED = "FAILED";

    /** A message due for an attempt. */
    record Due(long id, String channel, int attempts, ResidentMessage message) {
    }

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;

    Outbox(JdbcClient jdbc, PersonalDataCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** Queues a message; a second one for the same event is ignored (its digest is the key). */
    void enqueue(String kind, String channel, ResidentMessage message, String sourceEvent, Instant now) {
        jdbc.sql("""
                insert into notify_outbox (case_number, kind, channel, case_channel, recipient, recipient_hash, text_body,
                    source_event_digest, status, attempts, next_attempt_at, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?) on conflict do nothing""")
                .params(message.caseNumber(), kind, channel, message.channel(), cipher.seal(message.recipient()),
                        cipher.phoneHash(message.recipient()), message.text(),
                        eventDigest(sourceEvent), Timestamp.from(now), Timestamp.from(now))
                .update();
    }

    /** Pending messages of the given channels whose time has come, oldest first. */
    List<Due> due(Collection<String> channels, Instant now, int limit) {
        return jdbc.sql("""
                select id, channel, attempts, case_number, case_channel, recipient, text_body from notify_outbox
                where status = 'PENDING' and next_attempt_at <= :now and channel in (:channels)
                order by next_attempt_at, id limit :limit""")
                .param("now", Timestamp.from(now)).param("channels", channels).param("limit", limit)
                .query((rs, n) -> new Due(rs.getLong("id"), rs.getString("channel"), rs.getInt("attempts"),
                        new ResidentMessage(rs.getString("case_number"), rs.getString("case_channel"),
                                cipher.open(rs.getString("recipient")), rs.getString("text_body"))))
                .list();
    }

    /**
     * Takes a message for one attempt: counts the attempt and pushes its due time to {@code leaseUntil}, so that
     * nobody else sends it meanwhile and a sender that dies mid-way leaves it to be retried. False if another
     * sender was faster.
     */
    boolean claim(Due due, Instant leaseUntil) {
        return jdbc.sql("""
                update notify_outbox set attempts = attempts + 1, next_attempt_at = ?
                where id = ? and attempts = ? and status = 'PENDING'""")
                .params(Timestamp.from(leaseUntil), due.id(), due.attempts()).update() == 1;
    }

    /**
     * Marks a message sent and forgets its sealed recipient (ADR 0067): nothing sends it again, and the phone's
     * keyed hash beside it still finds the message for the resident's request or erasure. A pending or failed
     * message keeps its recipient: it may be sent (again).
     */
    void sent(long id, Instant now) {
        jdbc.sql("update notify_outbox set status = 'SENT', sent_at = ?, last_error = null, recipient = null "
                + "where id = ?").params(Timestamp.from(now), id).update();
    }

    void retryAt(long id, Instant next, String error) {
        jdbc.sql("update notify_outbox set next_attempt_at = ?, last_error = ? where id = ?")
                .params(Timestamp.from(next), withoutPhones(error), id).update();
    }

    void failed(long id, String error) {
        jdbc.sql("update notify_outbox set status = 'FAILED', last_error = ? where id = ?")
                .params(withoutPhones(error), id).update();
    }

    /**
     * The idempotency key of a message (ADR 0067): the first 16 bytes of SHA-256 of the event's text, as V552 computed
     * them for the messages stored before. 128 bits: no two events of a district's history share one.
     */
    static byte[] eventDigest(String sourceEvent) {
        try {
            return Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(sourceEvent.getBytes(StandardCharsets.UTF_8)),
                    16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The key that tells one recipient of an event from another, without the number itself (kept sealed only). */
    String recipientKey(String phone) {
        return cipher.phoneHash(phone);
    }

    /** A gateway's error may quote the number it refused: stored masked, like any number shown in clear. */
    private static String withoutPhones(String error) {
        return error == null ? null : MOBILE.matcher(error).replaceAll(m -> cn.civicloop.shared.Masking.phone(m.group()));
    }

    private static final java.util.regex.Pattern MOBILE = java.util.regex.Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)");
}
