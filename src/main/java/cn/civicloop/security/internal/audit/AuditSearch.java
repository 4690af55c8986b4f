package cn.civicloop.security.internal.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.civicloop.security.internal.AuditLog;
import cn.civicloop.security.internal.AuditLog.Entry;

/**
 * The audit page's query: newest first, keyset-paged by sequence number (a page costs the same on row 10 M as on
 * row 1), filtered by who (exact user name), what (exact action), object (target prefix) and when (from inclusive,
 * to exclusive); each filter has its index (V55). The live table, or the archive when asked.
 */
@Component
public class AuditSearch {

    public static final int MAX_PAGE = 500;

    /** The filters; a null or blank one is not applied. */
    public record Filter(String actor, String action, String target, Instant from, Instant to, boolean archive) {

        static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }
    }

    private final JdbcClient jdbc;

    AuditSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code limit} rows with a sequence number below {@code before} (all when null). */
    public List<Entry> page(Filter f, Long before, int limit) {
        StringBuilder sql = new StringBuilder("select * from ")
                .append(f.archive() ? "security_audit_archive" : "security_audit_log").append(" where seq < ?");
        List<Object> params = new ArrayList<>();
        params.add(before == null ? Long.MAX_VALUE : before);
        String actor = Filter.blankToNull(f.actor());
        if (actor != null) {
            sql.append(" and actor = ?");
            params.add(actor);
        }
        String action = Filter.blankToNull(f.action());
        if (action != null) {
            sql.append(" and action = ?");
            params.add(action);
        }
        String target = Filter.blankToNull(f.target());
        if (target != null) {
            sql.append(" and target like ? escape '\\'");
            params.add(target.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (f.from() != null) {
            sql.append(" and occurred_at >= ?");
            params.add(Timestamp.from(f.from()));
        }
        if (f.to() != null) {
            sql.append(" and occurred_at < ?");
            params.add(Timestamp.from(f.to()));
        }
        sql.append(" order by seq desc limit ?");
        params.add(Math.max(1, Math.min(limit, MAX_PAGE)));
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> AuditLog.entry(rs)).list();
    }

    /** The actions the application records, for the filter's choice list (not read from the table: 10 M rows). */
    public static final List<String> ACTIONS = List.of("LOGIN", "LOGIN_TOTP", "LOGIN_LOCKOUT", "LOGIN_UNLOCK",
            "TOTP_ENROL", "PASSWORD_CHANGE", "ADMIN_CHANGE", "CONFIG_CHANGE", "STAFF_ACCOUNT", "CASE_ACTION",
            "STAFF_WRITE", "PERSONAL_DATA_READ", "PERSONAL_DATA_SEARCH", "PERSONAL_DATA_EXPORT",
            "PERSONAL_DATA_ERASED", "PERSONAL_DATA_MASKED", "AUDIT_VERIFY", "AUDIT_EXPORT");

    /** Every outcome a row is written with besides {@code OK <status>} and {@code REFUSED <status>} of a request. */
    public static final List<String> OUTCOMES = List.of("SUCCESS", "FAILURE", "REFUSED_LOCKED", "LOCKED", "RELEASED",
            "NOT_LOCKED", "OK", "INTACT", "BROKEN", "CREATED", "CHANGED", "DELETED", "PASSWORD_RESET", "ENROLLED");
}
