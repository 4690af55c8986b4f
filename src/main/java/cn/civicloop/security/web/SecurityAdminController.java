package cn.civicloop.security.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.civicloop.security.Actors;
import cn.civicloop.security.internal.AuditLog;
import cn.civicloop.security.internal.ClientAddress;
import cn.civicloop.security.internal.LoginLockout;
import cn.civicloop.shared.Phrase;
import cn.civicloop.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/** The audit administrator reads and verifies the audit log; admins lift login locks (owners: SecurityEndpoints). */
@RestController
@RequestMapping("/api/v1/admin")
@Tag(name = "security", description = "Audit log (AUDIT_ADMIN) and login locks (ADMIN)")
class SecurityAdminController {

    private final AuditLog audit;
    private final LoginLockout lockout;
    private final ClientAddress clients;

    SecurityAdminController(AuditLog audit, LoginLockout lockout, ClientAddress clients) {
        this.audit = audit;
        this.lockout = lockout;
        this.clients = clients;
    }

    @GetMapping("/audit")
    @Operation(summary = "Audit log, newest first; page back with before=<seq>")
    List<AuditLog.Entry> audit(@RequestParam(required = false) Long before,
            @RequestParam(defaultValue = "100") int limit) {
        return audit.page(before, limit);
    }

    @GetMapping("/audit/verification")
    @Operation(summary = "Walk the HMAC-SM3 chain (archive and live rows, exported heads): intact, or the first row "
            + "that was changed, removed or moved")
    AuditLog.Verification verify() {
        return audit.verify();
    }

    @GetMapping("/login-locks")
    @Operation(summary = "Usernames locked now after repeated failed logins")
    List<LoginLockout.Lock> locks() {
        return lockout.locks();
    }

    @PostMapping("/login-locks/{username}/release")
    @Operation(summary = "Unlock a username before its lock runs out")
    void release(@PathVariable String username, HttpServletRequest request) {
        if (!lockout.release(username, Actors.current().username(), clients.of(request))) {
            throw new NotFoundException(Phrase.of("problem.security.this-username-is-not-locked", "该用户名当前未被锁定"));
        }
    }
}
