package cn.civicloop.security.web;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.civicloop.security.internal.AuditLog;

/**
 * The audit page's words for a row, in the reader's language: the label of its action and outcome, and for a staff
 * member's write (target {@code METHOD /path}) what was done to what ("修改督办阶梯", shown before the path) rather
 * than the codes stored in the chain. The stored values stay as they are (they are what the MAC signs); the
 * CSV export keeps them.
 */
@Component
class AuditRowLabels {

    private static final Pattern REQUEST = Pattern.compile("(POST|PUT|PATCH|DELETE) (/\\S*)");
    private static final Pattern HTTP_OUTCOME = Pattern.compile("(OK|REFUSED) (\\d{3})");
    private static final Pattern AREA = Pattern.compile("^/(?:api/v1/admin/|admin/|api/v1/)?([a-z-]+)");

    private final MessageSource messages;

    AuditRowLabels(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * A row as the page shows it.
     *
     * @param what for a staff member's write, what was done ("修改督办阶梯", "提交"); null for other rows
     */
    record Row(AuditLog.Entry entry, String action, String what, String outcome) {
    }

    Row row(AuditLog.Entry e, Locale locale) {
        return new Row(e, action(e.action(), locale), what(e.target(), locale), outcome(e.outcome(), locale));
    }

    String action(String code, Locale locale) {
        return code == null ? "" : messages.getMessage("audit.action." + code, null, code, locale);
    }

    private String outcome(String code, Locale locale) {
        if (code == null) {
            return "";
        }
        Matcher http = HTTP_OUTCOME.matcher(code);
        if (http.matches()) {
            return messages.getMessage("audit.outcome.http." + http.group(1), new Object[] { http.group(2) }, code,
                    locale);
        }
        return messages.getMessage("audit.outcome." + code, null, code, locale);
    }

    private String what(String target, Locale locale) {
        Matcher request = target == null ? null : REQUEST.matcher(target);
        if (request == null || !request.matches()) {
            return null;
        }
        String verb = messages.getMessage("audit.method." + request.group(1), null, request.group(1), locale);
        Matcher area = AREA.matcher(request.group(2));
        String areaLabel = area.find() ? messages.getMessage("audit.area." + area.group(1), null, null, locale) : null;
        return areaLabel == null ? verb
                : messages.getMessage("audit.request", new Object[] { verb, areaLabel }, locale);
    }
}
