package cn.civicloop.open311.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which client submitted which case, under which reference and token (table {@code open311_request}). */
@Repository
class RequestLedger {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A submitted request. */
    record Entry(long clientId, String clientRef, String caseNumber, String token, String mediaUrl) {
    }

    private final JdbcClient jdbc;

    RequestLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Entry> byReference(long clientId, String clientRef) {
        return jdbc.sql("select * from open311_request where client_id = ? and client_ref = ?")
                .params(clientId, clientRef).query(RequestLedger::entry).optional();
    }

    Optional<Entry> byToken(String token) {
        return jdbc.sql("select * from open311_request where token = ?").param(token).query(RequestLedger::entry)
                .optional();
    }

    Optional<Entry> byCase(String caseNumber) {
        return jdbc.sql("select * from open311_request where case_number = ?").param(caseNumber)
                .query(RequestLedger::entry).optional();
    }

    /** The entries of these cases that were submitted through the server, by case number. */
    Map<String, Entry> byCases(Collection<String> caseNumbers) {
        if (caseNumbers.isEmpty()) {
            return Map.of();
        }
        List<Object> numbers = List.copyOf(caseNumbers);
        return jdbc.sql("select * from open311_request where case_number in ("
                        + String.join(", ", java.util.Collections.nCopies(numbers.size(), "?")) + ")")
                .params(numbers).query(RequestLedger::entry).list().stream()
                .collect(Collectors.toMap(Entry::caseNumber, e -> e));
    }

    /**
     * Records the case a client's request became; a concurrent replay that recorded it first wins, and its entry is
     * returned (the case is the same: the intake is idempotent on the same reference).
     */
    Entry record(long clientId, String clientRef, String caseNumber, String mediaUrl, Instant at) {
        Optional<Entry> known = byCase(caseNumber);
        if (known.isPresent()) {
            return known.get();
        }
        String token = newToken();
        try {
            jdbc.sql("insert into open311_request (client_id, client_ref, case_number, token, media_url, created_at) "
                    + "values (?, ?, ?, ?, ?, ?)").params(clientId, clientRef, caseNumber, token, mediaUrl,
                    Timestamp.from(at)).update();
            return new Entry(clientId, clientRef, caseNumber, token, mediaUrl);
        } catch (DuplicateKeyException e) {
            return byCase(caseNumber).orElseThrow(() -> e);
        }
    }

    private static Entry entry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Entry(rs.getLong("client_id"), rs.getString("client_ref"), rs.getString("case_number"),
                rs.getString("token"), rs.getString("media_url"));
    }

    private static String newToken() {
        byte[] bytes = new byte[15];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
