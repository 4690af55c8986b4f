package cn.civicloop.security.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.civicloop.security.Actors;
import cn.civicloop.security.internal.AuditLog;
import cn.civicloop.security.internal.ClientAddress;
import cn.civicloop.security.internal.audit.AuditSearch;
import cn.civicloop.shared.DistrictTime;
import cn.civicloop.shared.web.CsvLines;
import cn.civicloop.shared.web.TimeLabels;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The audit administrator's page (owner: AUDIT_ADMIN, {@link SecurityEndpoints}): the log newest first with filters
 * (who, what, object, from/to day in district time, live or archive), keyset paging, a CSV export of what the filters
 * select, and a button that verifies the whole chain. Exports and verifications are audited themselves.
 */
@Controller
@RequestMapping("/audit")
class AuditPageController {

    static final int PAGE = 50;
    /** An export stops here (a narrower filter, or the command line, for more). */
    static final int EXPORT_MAX = 100_000;

    private final AuditSearch search;
    private final AuditLog audit;
    private final ClientAddress clients;
    private final TimeLabels times;
    private final AuditRowLabels labels;

    AuditPageController(AuditSearch search, AuditLog audit, ClientAddress clients, TimeLabels times,
            AuditRowLabels labels) {
        this.labels = labels;
        this.search = search;
        this.audit = audit;
        this.clients = clients;
        this.times = times;
    }

    /** The filters as typed, and what they mean (or the field that could not be read). */
    record Query(String actor, String action, String target, String from, String to, boolean archive) {

        AuditSearch.Filter filter(List<String> errors) {
            return new AuditSearch.Filter(actor, action, target, day(from, "from", errors, 0),
                    day(to, "to", errors, 1), archive);
        }

        private static Instant day(String value, String field, List<String> errors, int plusDays) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return LocalDate.parse(value.strip()).plusDays(plusDays).atStartOfDay(DistrictTime.ZONE).toInstant();
            } catch (DateTimeParseException e) {
                errors.add(field);
                return null;
            }
        }

        String describe() {
            return "actor=" + n(actor) + " action=" + n(action) + " target=" + n(target) + " from=" + n(from)
                    + " to=" + n(to) + (archive ? " archive" : "");
        }

        private static String n(String s) {
            return s == null ? "" : s;
        }
    }

    private static Query query(String actor, String action, String target, String from, String to, boolean archive) {
        return new Query(actor, action, target, from, to, archive);
    }

    @GetMapping
    String page(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(required = false) String target, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(defaultValue = "false") boolean archive,
            @RequestParam(required = false) Long before, Model model, Locale locale) {
        Query q = query(actor, action, target, from, to, archive);
        List<String> errors = new ArrayList<>();
        AuditSearch.Filter filter = q.filter(errors);
        List<AuditLog.Entry> rows = errors.isEmpty() ? search.page(filter, before, PAGE + 1) : List.of();
        boolean more = rows.size() > PAGE;
        rows = more ? rows.subList(0, PAGE) : rows;
        model.addAttribute("q", q);
        model.addAttribute("errors", errors);
        model.addAttribute("rows", rows.stream().map(e -> labels.row(e, locale)).toList());
        model.addAttribute("actions", AuditSearch.ACTIONS);
        model.addAttribute("next", more ? rows.get(rows.size() - 1).seq() : null);
        model.addAttribute("first", before == null);
        return "security/audit";
    }

    @PostMapping("/verify")
    String verify(HttpServletRequest request, Model model, Locale locale) {
        AuditLog.Verification v = audit.verify();
        audit.record(Actors.current().username(), "AUDIT_VERIFY", "audit chain", v.intact() ? "INTACT" : "BROKEN",
                v.intact() ? v.rows() + " rows" : v.reason(), clients.of(request));
        model.addAttribute("verification", v);
        return page(null, null, null, null, null, false, null, model, locale);
    }

    @GetMapping("/export")
    void export(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(required = false) String target, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(defaultValue = "false") boolean archive,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        Query q = query(actor, action, target, from, to, archive);
        List<String> errors = new ArrayList<>();
        AuditSearch.Filter filter = q.filter(errors);
        if (!errors.isEmpty()) {
            response.sendError(400);
            return;
        }
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-"
                + times.date(Instant.now()) + ".csv\"");
        long written = 0;
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Writer out = response.getWriter();
        out.write('\uFEFF'); // Excel reads UTF-8 only with the mark
        out.write(CsvLines.line("seq", "time", "actor", "action", "target", "outcome", "detail", "client_address",
                "key_id", "mac"));
        Long before = null;
        while (written < EXPORT_MAX) {
            List<AuditLog.Entry> rows = search.page(filter, before, AuditSearch.MAX_PAGE);
            for (AuditLog.Entry e : rows) {
                out.write(CsvLines.line(Long.toString(e.seq()), times.precise(e.occurredAt()), e.actor(), e.action(),
                        e.target(), e.outcome(), e.detail(), e.clientAddress(), e.keyId(), e.rowHash()));
                if (++written == EXPORT_MAX) {
                    break;
                }
            }
            if (rows.size() < AuditSearch.MAX_PAGE) {
                break;
            }
            before = rows.get(rows.size() - 1).seq();
        }
        out.flush();
        audit.record(Actors.current().username(), "AUDIT_EXPORT", "audit log", "OK",
                written + " rows; " + q.describe(), clients.of(request));
    }
}
