package cn.civicloop.security.internal;

import java.io.IOException;
import java.util.Set;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Writes one audit row for every state-changing request a staff member makes, on either door: admin changes
 * (directory, catalogue, calendar, SLA) and case actions alike. The row says who, when, which endpoint and the
 * outcome; what a case action changed stays in the case timeline, which the row references by its path
 * (copying it would give two records of the same fact that could disagree), and what a configuration or account
 * change changed is a row of its own with the values before and after ({@code AuditTrail.change}). The path is the
 * one the application resolved, never the raw URI, so an encoded spelling is recorded and classified like the plain.
 */
class StaffActionAuditFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(StaffActionAuditFilter.class);
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Pattern MULTIPLE_SLASHES = Pattern.compile("/{2,}");

    private final AuditLog audit;
    private final ClientAddress clients;

    StaffActionAuditFilter(AuditLog audit, ClientAddress clients) {
        this.audit = audit;
        this.clients = clients;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !WRITES.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean staff = auth != null && auth.getPrincipal() instanceof StaffPrincipal;
        try {
            chain.doFilter(request, response);
        } finally {
            if (staff) {
                write((StaffPrincipal) auth.getPrincipal(), request, response.getStatus());
            }
        }
    }

    /**
     * The path as the application resolved it: percent-decoded, without {@code ;} parameters, repeated slashes made
     * one — so {@code /api/v1/%61dmin//staff;x=1} is recorded, and classified, as {@code /api/v1/admin/staff}.
     */
    static String normalizedPath(HttpServletRequest request) {
        String path = UrlPathHelper.defaultInstance.getPathWithinApplication(request);
        return MULTIPLE_SLASHES.matcher(path).replaceAll("/");
    }

    /** What kind of write a path is: its row's action (the audit page shows it by its label). */
    static String action(String path) {
        return path.startsWith("/api/v1/admin/") || path.startsWith("/admin/") ? "ADMIN_CHANGE"
                : path.contains("/cases/") ? "CASE_ACTION" : "STAFF_WRITE";
    }

    private void write(StaffPrincipal staff, HttpServletRequest request, int status) {
        String path = normalizedPath(request);
        String action = action(path);
        String detail = action.equals("CASE_ACTION") ? "what changed: see the case timeline" : null;
        try {
            audit.record(staff.actor().username(), action, request.getMethod() + " " + path,
                    status < 400 ? "OK " + status : "REFUSED " + status, detail, clients.of(request));
        } catch (RuntimeException e) {
            // the action itself has happened (or been refused); losing its audit row must be loud, not fatal
            log.error("Audit row for {} {} by {} could not be written", request.getMethod(), path,
                    staff.actor().username(), e);
        }
    }
}
