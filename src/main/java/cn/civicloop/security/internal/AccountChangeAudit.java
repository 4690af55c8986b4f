package cn.civicloop.security.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import cn.civicloop.directory.StaffAccountChanged;

/**
 * Writes every change of a staff account — created, roles, department or activation changed, password reset — to
 * the audit log with the account as it was and as it is (roles, department, active; never a password), who changed
 * it and from which address.
 */
@Component
class AccountChangeAudit {

    private final AuditLog audit;
    private final ClientAddress clients;

    AccountChangeAudit(AuditLog audit, ClientAddress clients) {
        this.audit = audit;
        this.clients = clients;
    }

    @EventListener
    void record(StaffAccountChanged changed) {
        String client = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes r
                ? clients.of(r.getRequest()) : null;
        String detail = changed.change().equals("CREATED") ? "after: " + changed.after()
                : "before: " + changed.before() + "; after: " + changed.after();
        audit.record(changed.by(), "STAFF_ACCOUNT", changed.username(), changed.change(), detail, client);
    }
}
