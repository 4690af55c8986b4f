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
 * A staff member whose password is an initial or reset one goes nowhere but the page that changes it (and logout):
 * every other page request is sent there. Sits in the page chain after the login is known.
 */
class PasswordChangeGate extends OncePerRequestFilter {

    static final String PAGE = "/account/password";
    private static final List<String> FREE = List.of(PAGE, "/logout", "/error", "/css/", "/js/", "/img/",
            "/webjars/", "/favicon.ico");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof StaffPrincipal staff && staff.mustChangePassword()) {
            String path = UrlPathHelper.defaultInstance.getPathWithinApplication(request);
            if (FREE.stream().noneMatch(f -> f.endsWith("/") ? path.startsWith(f) : path.equals(f))) {
                response.sendRedirect(request.getContextPath() + PAGE);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
