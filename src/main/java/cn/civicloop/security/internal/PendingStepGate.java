package cn.civicloop.security.internal;

import java.io.IOException;
import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A page login with a step still owed goes nowhere but that step's page (and logout, the error page, static files):
 * first the TOTP code ({@link #TOTP_PAGE}; such a principal holds no role either), then an initial, reset or expired
 * password ({@link #PASSWORD_PAGE}). Every other page request is sent to the step's page. Sits in the page chain
 * after the login is known.
 */
class PendingStepGate extends OncePerRequestFilter {

    static final String TOTP_PAGE = "/login/totp";
    static final String PASSWORD_PAGE = "/account/password";
    private static final List<String> ALWAYS_FREE = List.of("/logout", "/error", "/css/", "/js/", "/img/",
            "/webjars/", "/favicon.ico");

    /** The page of the step this principal still owes, or null when he owes none. */
    static String pendingPage(StaffPrincipal staff) {
        if (staff.secondFactorPending()) {
            return TOTP_PAGE;
        }
        return staff.mustChangePassword() ? PASSWORD_PAGE : null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String step = auth != null && auth.getPrincipal() instanceof StaffPrincipal staff ? pendingPage(staff) : null;
        if (step != null && !free(UrlPathHelper.defaultInstance.getPathWithinApplication(request), step)) {
            response.sendRedirect(request.getContextPath() + step);
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean free(String path, String step) {
        return path.equals(step)
                || ALWAYS_FREE.stream().anyMatch(f -> f.endsWith("/") ? path.startsWith(f) : path.equals(f));
    }
}
