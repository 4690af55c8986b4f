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
 * A page login that still owes its TOTP code goes nowhere but the code (or enrolment) page and logout: every other
 * page request is sent there. Its principal holds no role either, so no page rule would let it through anyway.
 */
class SecondFactorGate extends OncePerRequestFilter {

    static final String PAGE = "/login/totp";
    private static final List<String> FREE = List.of(PAGE, "/logout", "/error", "/css/", "/js/", "/img/",
            "/webjars/", "/favicon.ico");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof StaffPrincipal staff && staff.secondFactorPending()) {
            String path = UrlPathHelper.defaultInstance.getPathWithinApplication(request);
            if (FREE.stream().noneMatch(f -> f.endsWith("/") ? path.startsWith(f) : path.equals(f))) {
                response.sendRedirect(request.getContextPath() + PAGE);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
