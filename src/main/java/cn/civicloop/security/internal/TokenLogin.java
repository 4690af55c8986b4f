package cn.civicloop.security.internal;

import java.time.Instant;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import cn.civicloop.directory.Role;
import cn.civicloop.directory.StaffCredentials;
import cn.civicloop.shared.Phrase;
import cn.civicloop.shared.ForbiddenException;
import cn.civicloop.shared.UnauthenticatedException;
import cn.civicloop.shared.web.RefusalText;
import jakarta.servlet.http.HttpServletRequest;

/** The API door's login: a username and password for a bearer token, under the same lockout as the login form. */
@Component
public class TokenLogin {

    private final Logins logins;
    private final ApiTokens tokens;
    private final ClientAddress clients;
    private final StaffCredentials credentials;
    private final AuditLog audit;
    private final TwoFactor twoFactor;

    TokenLogin(Logins logins, ApiTokens tokens, ClientAddress clients, StaffCredentials credentials, AuditLog audit,
            TwoFactor twoFactor) {
        this.logins = logins;
        this.twoFactor = twoFactor;
        this.credentials = credentials;
        this.audit = audit;
        this.tokens = tokens;
        this.clients = clients;
    }

    /** What the client gets: the token and who it acts as. */
    public record TokenAnswer(String token, Instant expiresAt, String username, String displayName, Set<Role> roles,
            Long departmentId) {
    }

    /**
     * Issues a token, or refuses: 423 while the name is locked (or locked by this failure), 401 for a wrong name or
     * password or a deactivated account, and for an account that needs a TOTP code (an administrator, or anyone who
     * enrolled) without the right, unused code in {@code totp} — a wrong code counts in the throttle like a wrong
     * password. Every attempt is counted and audited.
     */
    public TokenAnswer login(String username, String password, String totp, HttpServletRequest request) {
        StaffPrincipal staff = check(username, password, request);
        // the password first: an administrator's initial password is changed before he can enrol a second factor
        if (staff.mustChangePassword()) {
            throw new ForbiddenException(Phrase.of("problem.security.change-password-first",
                    "须先修改密码（初始、重置或已过期的密码）：{0}", "POST /api/v1/auth/password"));
        }
        if (twoFactor.required(staff)) {
            if (!twoFactor.enrolled(staff.actor().staffId())) {
                throw new UnauthenticatedException(Phrase.of("problem.security.enrol-first",
                        "须先在登录页面启用双因素认证"));
            }
            secondFactor(staff, totp, request);
        }
        ApiTokens.Issued issued = tokens.issue(staff.actor().staffId());
        return new TokenAnswer(issued.token(), issued.expiresAt(), staff.actor().username(), staff.actor().displayName(),
                staff.actor().roles(), staff.actor().departmentId());
    }

    /**
     * A staff member replaces his password, proving the current one under the same lockout as a login (the way an
     * API client changes an initial password before it gets a token) and, when his account has a second factor, his
     * one-time code as well — as the page does, which is reached only after the code: a password alone must not be
     * enough to take an account over. An administrator who has not enrolled yet (his initial password comes first)
     * needs no code. His tokens and sessions end.
     */
    public void changePassword(String username, String password, String totp, String newPassword,
            HttpServletRequest request) {
        StaffPrincipal staff = check(username, password, request);
        if (twoFactor.enrolled(staff.actor().staffId())) {
            secondFactor(staff, totp, request);
        }
        credentials.changeOwnPassword(staff.actor().staffId(), newPassword);
        audit.record(staff.actor().username(), "PASSWORD_CHANGE", staff.actor().username(), "CHANGED", "own password",
                clients.of(request));
    }

    /**
     * The page's side: the logged-in staff member proves his current password and sets a new one. A wrong current
     * password counts as a failed login.
     */
    public void changeOwnPassword(String username, String current, String newPassword, HttpServletRequest request) {
        StaffPrincipal staff;
        try {
            staff = check(username, current, request);
        } catch (UnauthenticatedException e) {
            throw new cn.civicloop.shared.InvalidInputException("password",
                    Phrase.of("problem.security.the-current-password-is-wrong", "当前密码不正确"));
        }
        credentials.changeOwnPassword(staff.actor().staffId(), newPassword);
        audit.record(staff.actor().username(), "PASSWORD_CHANGE", staff.actor().username(), "CHANGED", "own password",
                clients.of(request));
    }

    /** The account's one-time code: missing or wrong is a 401 (a wrong one counts in the throttle), locked a 423. */
    private void secondFactor(StaffPrincipal staff, String totp, HttpServletRequest request) {
        if (totp == null || totp.isBlank()) {
            throw new UnauthenticatedException(Phrase.of("problem.security.totp-required",
                    "此账号须提供动态口令 {0}", "totp"));
        }
        try {
            twoFactor.verify(staff, totp, clients.of(request));
        } catch (LockedException e) {
            throw new ResponseStatusException(HttpStatus.LOCKED, RefusalText.of(LoginRefusals.reason(e)));
        } catch (BadCredentialsException e) {
            throw new UnauthenticatedException(LoginRefusals.reason(e));
        }
    }

    private StaffPrincipal check(String username, String password, HttpServletRequest request) {
        try {
            return logins.check(username, password, clients.of(request));
        } catch (LockedException e) {
            // a 423 has no exception of our own: the reason is read here, in the request's language
            throw new ResponseStatusException(HttpStatus.LOCKED, RefusalText.of(LoginRefusals.reason(e)));
        } catch (BadCredentialsException e) {
            throw new UnauthenticatedException(LoginRefusals.reason(e));
        }
    }
}
