package cn.civicloop.security.internal.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import cn.civicloop.security.Actors;
import cn.civicloop.security.internal.AuditLog;
import cn.civicloop.security.internal.ClientAddress;
import cn.civicloop.shared.AuditTrail;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** {@link AuditTrail} on the keyed audit log: who from the logged-in staff member, where from the request's client. */
@Component
class RequestAuditTrail implements AuditTrail {

    /** The detail column's size (V85): a change's JSON longer than this keeps a digest of the larger side instead. */
    static final int DETAIL_MAX = 4000;

    /** Keys sorted, no blanks: the same values always give the same text, so two rows compare by eye. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY).disable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    private final AuditLog audit;
    private final ClientAddress clients;

    RequestAuditTrail(AuditLog audit, ClientAddress clients) {
        this.audit = audit;
        this.clients = clients;
    }

    @Override
    public void record(String action, String target, String outcome, String detail) {
        Who who = who();
        audit.record(who.actor(), action, target, outcome, detail, who.client());
    }

    @Override
    public void recordResident(String action, String caseNumber, String outcome, String detail) {
        audit.record("RESIDENT", action, "case " + caseNumber, outcome, detail, who().client());
    }

    @Override
    public void change(String action, String target, String outcome, Object before, Object after) {
        // who and where now, while the request is at hand; the row itself once the change is committed
        Who who = who();
        String detail = changeJson(before, after);
        Runnable write = () -> audit.record(who.actor(), action, target, outcome, detail, who.client());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    write.run();
                }
            });
        } else {
            write.run();
        }
    }

    /**
     * {@code {"before":…,"after":…}} as compact JSON with sorted keys. A side too long for the column (a whole road
     * network) is replaced by its SHA-256 and length, which still tells whether two versions are the same.
     */
    static String changeJson(Object before, Object after) {
        String b = JSON.writeValueAsString(before);
        String a = JSON.writeValueAsString(after);
        int room = DETAIL_MAX - "{\"before\":,\"after\":}".length();
        if (b.length() + a.length() > room) {
            if (a.length() >= b.length()) {
                a = digest(a);
                b = b.length() + a.length() > room ? digest(b) : b;
            } else {
                b = digest(b);
                a = b.length() + a.length() > room ? digest(a) : a;
            }
        }
        return "{\"before\":" + b + ",\"after\":" + a + "}";
    }

    private static String digest(String json) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("sha256", HexFormat.of().formatHex(hash));
            summary.put("chars", json.length());
            return JSON.writeValueAsString(summary);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    private record Who(String actor, String client) {
    }

    private Who who() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes r) {
            return new Who(Actors.current().username(), clients.of(r.getRequest()));
        }
        return new Who("system", null);
    }
}
