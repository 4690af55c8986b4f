package cn.civicloop.security.internal.audit;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import cn.civicloop.security.Actors;
import cn.civicloop.security.internal.AuditLog;
import cn.civicloop.security.internal.ClientAddress;
import cn.civicloop.shared.AuditTrail;

/** {@link AuditTrail} on the keyed audit log: who from the logged-in staff member, where from the request's client. */
@Component
class RequestAuditTrail implements AuditTrail {

    private final AuditLog audit;
    private final ClientAddress clients;

    RequestAuditTrail(AuditLog audit, ClientAddress clients) {
        this.audit = audit;
        this.clients = clients;
    }

    @Override
    public void record(String action, String target, String outcome, String detail) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes r) {
            audit.record(Actors.current().username(), action, target, outcome, detail, clients.of(r.getRequest()));
        } else {
            audit.record("system", action, target, outcome, detail, null);
        }
    }

    @Override
    public void recordResident(String action, String caseNumber, String outcome, String detail) {
        String client = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes r
                ? clients.of(r.getRequest()) : null;
        audit.record("RESIDENT", action, "case " + caseNumber, outcome, detail, client);
    }
}
