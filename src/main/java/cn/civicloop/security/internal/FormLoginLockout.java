package cn.civicloop.security.internal;

import org.springframework.security.authentication.AuthenticationDetailsSource;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The login form's side of the throttle ({@link LoginLockout}, applied inside {@link Logins}): hands the client
 * address to the authentication and shows a lock as {@code /login?locked}, any other refusal as
 * {@code /login?error}.
 */
class FormLoginLockout {

    private final ClientAddress clients;

    FormLoginLockout(ClientAddress clients) {
        this.clients = clients;
    }

    AuthenticationDetailsSource<HttpServletRequest, Logins.LoginDetails> details() {
        return request -> new Logins.LoginDetails(clients.of(request));
    }

    AuthenticationFailureHandler onFailure() {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException e) ->
                response.sendRedirect(request.getContextPath()
                        + (e instanceof LockedException ? "/login?locked" : "/login?error"));
    }

    /** Sends a user who must change his password there first, else lets {@code landing} choose the page (RoleLanding). */
    AuthenticationSuccessHandler onSuccess(AuthenticationSuccessHandler landing) {
        return (HttpServletRequest request, HttpServletResponse response, Authentication auth) -> {
            if (auth.getPrincipal() instanceof StaffPrincipal staff && staff.secondFactorPending()) {
                response.sendRedirect(request.getContextPath() + PendingStepGate.TOTP_PAGE);
                return;
            }
            if (auth.getPrincipal() instanceof StaffPrincipal staff && staff.mustChangePassword()) {
                response.sendRedirect(request.getContextPath() + PendingStepGate.PASSWORD_PAGE);
                return;
            }
            landing.onAuthenticationSuccess(request, response, auth);
        };
    }
}
