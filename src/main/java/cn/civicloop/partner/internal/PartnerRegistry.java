package cn.civicloop.partner.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import cn.civicloop.directory.Department;
import cn.civicloop.directory.Directory;
import cn.civicloop.partner.PartnerAdministration.Client;
import cn.civicloop.partner.PartnerAdministration.Key;
import cn.civicloop.shared.ConflictException;
import cn.civicloop.shared.NotFoundException;
import cn.civicloop.shared.PersonalDataCipher;
import cn.civicloop.shared.Phrase;

/** The rows of the clients and their keys; the rules are {@link PartnerClients}'. */
@Repository
class PartnerRegistry {

    private static final int HINT = 6;

    private final JdbcClient jdbc;
    private final Directory directory;
    private final PersonalDataCipher cipher;
    private final Clock clock;

    PartnerRegistry(JdbcClient jdbc, Directory directory, PersonalDataCipher cipher, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.cipher = cipher;
        this.clock = clock;
    }

    List<Client> all() {
        Map<Long, List<Key>> keys = jdbc.sql("select * from partner_key order by id desc").query((rs, n) -> Map.entry(
                rs.getLong("client_ref"), key(rs))).list().stream().collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return jdbc.sql("select * from partner_client order by name").query((rs, n) -> client(rs,
                keys.getOrDefault(rs.getLong("id"), List.of()))).list();
    }

    Client byId(long id) {
        List<Key> keys = jdbc.sql("select * from partner_key where client_ref = ? order by id desc").param(id)
                .query((rs, n) -> key(rs)).list();
        return jdbc.sql("select * from partner_client where id = ?").param(id).query((rs, n) -> client(rs, keys))
                .optional().orElseThrow(() -> new NotFoundException(
                        Phrase.of("problem.partner.no-such-client", "没有该接入系统")));
    }

    long insert(long departmentId, String name, String clientId) {
        GeneratedKeyHolder id = new GeneratedKeyHolder();
        try {
            jdbc.sql("insert into partner_client (department_id, name, client_id, active, created_at) values (?, ?, ?, true, ?)")
                    .params(departmentId, name, clientId, Timestamp.from(clock.instant())).update(id, "id");
        } catch (DuplicateKeyException e) {
            throw new ConflictException(Phrase.of("problem.partner.name-taken", "已有同名接入系统"));
        }
        return id.getKeyAs(Number.class).longValue();
    }

    long insertKey(long clientRef, String secret, Instant expiresAt) {
        GeneratedKeyHolder id = new GeneratedKeyHolder();
        jdbc.sql("insert into partner_key (client_ref, secret_hash, hint, created_at, expires_at) values (?, ?, ?, ?, ?)")
                .params(clientRef, Secrets.sha256(secret), secret.substring(0, HINT), Timestamp.from(clock.instant()),
                        Timestamp.from(expiresAt))
                .update(id, "id");
        return id.getKeyAs(Number.class).longValue();
    }

    /** Ends the client's valid keys after {@code overlap} (never later than their own expiry). */
    void shortenKeys(long clientRef, Duration overlap) {
        Timestamp end = Timestamp.from(clock.instant().plus(overlap));
        jdbc.sql("""
                update partner_key set expires_at = ? where client_ref = ? and revoked_at is null and expires_at > ?""")
                .params(end, clientRef, end).update();
    }

    boolean revokeKey(long clientRef, long keyId) {
        boolean done = jdbc.sql("update partner_key set revoked_at = ? where id = ? and client_ref = ? and revoked_at is null")
                .params(Timestamp.from(clock.instant()), keyId, clientRef).update() == 1;
        jdbc.sql("delete from partner_token where key_id = ?").param(keyId).update();
        return done;
    }

    boolean setActive(long clientRef, boolean active) {
        return jdbc.sql("update partner_client set active = ? where id = ?").params(active, clientRef).update() == 1;
    }

    void setWebhook(long clientRef, String url, String secret) {
        jdbc.sql("update partner_client set webhook_url = ?, webhook_secret = ? where id = ?")
                .params(url, secret == null ? null : cipher.seal(secret), clientRef).update();
    }

    /**
     * Whether a case event of this department concerns any webhook: the condition of the listener, so that the
     * events of the many departments without an agency system store no publication (an insert and two updates each).
     */
    public boolean hasSubscribers(Long departmentId) {
        return departmentId != null && jdbc.sql("""
                select count(*) from partner_client
                where department_id = ? and active = true and webhook_url is not null""").param(departmentId)
                .query(Long.class).single() > 0;
    }

    /** The active clients of an agency that have a webhook: URL and secret in clear, for signing. */
    List<Subscriber> subscribers(long departmentId) {
        return jdbc.sql("""
                select id, webhook_url from partner_client
                where department_id = ? and active = true and webhook_url is not null""").param(departmentId)
                .query((rs, n) -> new Subscriber(rs.getLong("id"), rs.getString("webhook_url"))).list();
    }

    /** Where and with what secret a client's webhooks go; empty when it has none or is switched off. */
    java.util.Optional<Endpoint> endpoint(long clientRef) {
        return jdbc.sql("select webhook_url, webhook_secret from partner_client where id = ? and active = true and webhook_url is not null")
                .param(clientRef).query((rs, n) -> new Endpoint(rs.getString("webhook_url"),
                        cipher.open(rs.getString("webhook_secret")))).optional();
    }

    record Subscriber(long clientRef, String url) {
    }

    record Endpoint(String url, String secret) {
    }

    private Client client(ResultSet rs, List<Key> keys) throws SQLException {
        long department = rs.getLong("department_id");
        return new Client(rs.getLong("id"), rs.getString("name"), rs.getString("client_id"), department,
                directory.department(department).map(Department::name).orElse(null), rs.getBoolean("active"),
                rs.getString("webhook_url"), rs.getTimestamp("created_at").toInstant(), keys);
    }

    private static Key key(ResultSet rs) throws SQLException {
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new Key(rs.getLong("id"), rs.getString("hint"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("expires_at").toInstant(), revoked == null ? null : revoked.toInstant());
    }

}
