package cn.civicloop.security.internal;

import java.io.IOException;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The login form's side of {@link LoginLockout}: refuse a locked name before its password is checked, count failures. */
class FormLoginLockout {

    private final LoginLockout lockout;
    private final ClientAddress clients;

    FormLoginLockout(LoginLockout lockout, ClientAddress clients) {
        this.lockout = lockout;
        this.clients = clients;
    }

    /** Runs just before the form login filter, after the CSRF check. */
    OncePerRequestFilter guard() {
        return new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !("POST".equals(request.getMethod()) && "/login".equals(request.getRequestURI()));
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                String username = request.getParameter("username");
                if (username != null && lockout.lockOf(username).isPresent()) {
                    lockout.refusedWhileLocked(username, clients.of(request));
                    response.sendRedirect(request.getContextPath() + "/login?locked");
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }

    AuthenticationFailureHandler onFailure() {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException e) -> {
            boolean locked = lockout.failed(request.getParameter("username"), clients.of(request)).isPresent();
            response.sendRedirect(request.getContextPath() + (locked ? "/login?locked" : "/login?error"));
        };
    }

    /** Counts the success, then lets {@code landing} choose the page (see RoleLanding). */
    AuthenticationSuccessHandler onSuccess(AuthenticationSuccessHandler delegate) {
        return (HttpServletRequest request, HttpServletResponse response, Authentication auth) -> {
            lockout.succeeded(auth.getName(), clients.of(request));
            delegate.onAuthenticationSuccess(request, response, auth);
        };
    }
}
