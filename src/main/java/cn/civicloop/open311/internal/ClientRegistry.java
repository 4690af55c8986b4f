package cn.civicloop.open311.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.civicloop.directory.Actor;
import cn.civicloop.open311.Open311Clients;
import cn.civicloop.shared.ConflictException;
import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.shared.NotFoundException;
import cn.civicloop.shared.Phrase;
import cn.civicloop.shared.Text;

/**
 * The clients and their keys. A key is 32 random bytes (base64url); the table keeps its SHA-256, which finds the
 * client by an index in one lookup — a slow password hash would protect nothing more for a random key of that size.
 */
@Service
public class ClientRegistry implements Open311Clients {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int HINT_LENGTH = 6;

    private final JdbcClient jdbc;
    private final Clock clock;

    ClientRegistry(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The active client holding {@code apiKey}; empty for a missing, unknown, old or switched-off key. */
    @Transactional(readOnly = true)
    public Optional<Client> authenticate(String apiKey) {
        if (apiKey == null || apiKey.isBlank() || apiKey.length() > 200) {
            return Optional.empty();
        }
        return jdbc.sql("select * from open311_client where key_hash = ? and active = true").param(hash(apiKey.strip()))
                .query(ClientRegistry::client).optional();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Client> clients() {
        return jdbc.sql("select * from open311_client order by name").query(ClientRegistry::client).list();
    }

    @Override
    @Transactional
    public IssuedKey create(String name, Actor by) {
        String clean = Text.cleanOrNull(name);
        if (clean == null || clean.length() > 100) {
            throw new InvalidInputException("name",
                    Phrase.of("problem.open311.client-name", "请填写接入方名称，最长 100 字"));
        }
        return insert(clean, newKey());
    }

    /** Creates the client with a key chosen by the caller (the demo's published key) unless the name exists. */
    @Transactional
    public void ensure(String name, String apiKey) {
        boolean exists = jdbc.sql("select count(*) from open311_client where name = ?").param(name)
                .query(Long.class).single() > 0;
        if (!exists) {
            insert(name, apiKey);
        }
    }

    @Override
    @Transactional
    public IssuedKey rotate(long clientId, Actor by) {
        String key = newKey();
        int updated = jdbc.sql("update open311_client set key_hash = ?, key_hint = ?, rotated_at = ? where id = ?")
                .params(hash(key), key.substring(0, HINT_LENGTH), Timestamp.from(clock.instant()), clientId).update();
        if (updated == 0) {
            throw new NotFoundException(Phrase.of("problem.open311.no-client", "没有该接入方"));
        }
        return new IssuedKey(byId(clientId), key);
    }

    @Override
    @Transactional
    public Client setActive(long clientId, boolean active, Actor by) {
        int updated = jdbc.sql("update open311_client set active = ? where id = ?").params(active, clientId).update();
        if (updated == 0) {
            throw new NotFoundException(Phrase.of("problem.open311.no-client", "没有该接入方"));
        }
        return byId(clientId);
    }

    private IssuedKey insert(String name, String key) {
        GeneratedKeyHolder id = new GeneratedKeyHolder();
        try {
            jdbc.sql("insert into open311_client (name, key_hash, key_hint, active, created_at) values (?, ?, ?, true, ?)")
                    .params(name, hash(key), key.substring(0, Math.min(HINT_LENGTH, key.length())),
                            Timestamp.from(clock.instant()))
                    .update(id, "id");
        } catch (DuplicateKeyException e) {
            throw new ConflictException(Phrase.of("problem.open311.client-exists", "已有同名接入方"));
        }
        return new IssuedKey(byId(id.getKeyAs(Number.class).longValue()), key);
    }

    private Client byId(long id) {
        return jdbc.sql("select * from open311_client where id = ?").param(id).query(ClientRegistry::client).single();
    }

    private static Client client(ResultSet rs, int row) throws SQLException {
        Timestamp rotated = rs.getTimestamp("rotated_at");
        return new Client(rs.getLong("id"), rs.getString("name"), rs.getString("key_hint"), rs.getBoolean("active"),
                rs.getTimestamp("created_at").toInstant(), rotated == null ? null : rotated.toInstant());
    }

    private static String newKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
