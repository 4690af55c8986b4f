package cn.civicloop.security.internal;

import java.io.IOException;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The second step of a page login: the pending login gives its TOTP code (or, an administrator without a secret,
 * enrols one with a code); then the session gets its roles under a new id and goes on as a login would (password
 * change first if due, else the role's landing page). A wrong code counts in the login throttle; when that locks
 * the pair the session ends.
 */
@Component
public class SecondFactorLogin {

    /** The session attribute holding a secret being enrolled (before its first code confirms it). */
    public static final String ENROLLING = SecondFactorLogin.class.getName() + ".secret";

    private final TwoFactor twoFactor;
    private final ClientAddress clients;
    private final ObjectProvider<WebInvocationPrivilegeEvaluator> privileges;
    private final SecurityContextRepository contexts = new DelegatingSecurityContextRepository(
            new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());

    SecondFactorLogin(TwoFactor twoFactor, ClientAddress clients,
            ObjectProvider<WebInvocationPrivilegeEvaluator> privileges) {
        this.twoFactor = twoFactor;
        this.clients = clients;
        this.privileges = privileges;
    }

    /** What the step shows. */
    public enum Outcome {
        DONE, WRONG_CODE, LOCKED
    }

    /** The login waiting for its code in this request's session, if any. */
    public Optional<StaffPrincipal> pending() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof StaffPrincipal s && s.secondFactorPending()
                ? Optional.of(s) : Optional.empty();
    }

    /** The logged-in (fully) member of staff, if any. */
    public Optional<StaffPrincipal> current() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof StaffPrincipal s && !s.secondFactorPending()
                ? Optional.of(s) : Optional.empty();
    }

    public boolean enrolled(StaffPrincipal staff) {
        return twoFactor.enrolled(staff.actor().staffId());
    }

    /** The secret being enrolled in this session, made on first call. */
    public String enrollingSecret(HttpServletRequest request) {
        Object s = request.getSession().getAttribute(ENROLLING);
        if (s instanceof String secret) {
            return secret;
        }
        String secret = twoFactor.newSecret();
        request.getSession().setAttribute(ENROLLING, secret);
        return secret;
    }

    public String uri(StaffPrincipal staff, String secret) {
        return twoFactor.uri(staff.actor().username(), secret);
    }

    /**
     * The pending login's code: its stored secret's, or — without one — the code confirming the secret enrolled in
     * this session. On success the response is already sent (redirect); otherwise the caller shows the outcome.
     */
    public Outcome complete(String code, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        StaffPrincipal staff = pending().orElseThrow();
        String client = clients.of(request);
        try {
            if (twoFactor.enrolled(staff.actor().staffId())) {
                twoFactor.verify(staff, code, client);
            } else {
                twoFactor.enrol(staff, enrollingSecret(request), code, client);
                request.getSession().removeAttribute(ENROLLING);
            }
        } catch (LockedException e) {
            request.getSession().invalidate();
            SecurityContextHolder.clearContext();
            return Outcome.LOCKED;
        } catch (AuthenticationException e) {
            return Outcome.WRONG_CODE;
        }
        StaffPrincipal done = staff.secondFactorDone();
        var auth = UsernamePasswordAuthenticationToken.authenticated(done, null, done.getAuthorities());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(auth);
        SecurityContextHolder.setContext(context);
        request.changeSessionId();
        contexts.saveContext(context, request, response);
        if (done.mustChangePassword()) {
            response.sendRedirect(request.getContextPath() + PendingStepGate.PASSWORD_PAGE);
        } else {
            new RoleLanding(privileges).onAuthenticationSuccess(request, response, auth);
        }
        return Outcome.DONE;
    }

    /** A logged-in member of staff enrols (optional for non-administrators) with the secret shown in his session. */
    public Outcome enrolOwn(String code, HttpServletRequest request) {
        StaffPrincipal staff = current().orElseThrow();
        try {
            twoFactor.enrol(staff, enrollingSecret(request), code, clients.of(request));
        } catch (LockedException e) {
            return Outcome.LOCKED;
        } catch (AuthenticationException e) {
            return Outcome.WRONG_CODE;
        }
        request.getSession().removeAttribute(ENROLLING);
        return Outcome.DONE;
    }
}
