package cn.civicloop.security.internal;

import java.io.IOException;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Where a person lands after login: the page he asked for before logging in if his roles may open it, otherwise his
 * role's home (the 110 desk, the unit terminal, the road chief's pages, the leaders' overview, the administration, or
 * the workbench). A saved request his roles may not open is dropped, so that no login ends on a refusal.
 */
class RoleLanding extends SavedRequestAwareAuthenticationSuccessHandler {

    private final RequestCache cache = new HttpSessionRequestCache();
    private final ObjectProvider<WebInvocationPrivilegeEvaluator> privileges;

    RoleLanding(ObjectProvider<WebInvocationPrivilegeEvaluator> privileges) {
        this.privileges = privileges;
        setRequestCache(cache);
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication auth)
            throws ServletException, IOException {
        SavedRequest saved = cache.getRequest(request, response);
        if (saved != null && !mayOpen(saved, request, auth)) {
            cache.removeRequest(request, response);
        }
        super.onAuthenticationSuccess(request, response, auth);
    }

    @Override
    protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response, Authentication auth) {
        return home(roles(auth));
    }

    /** The home page of a person with these roles (names without the ROLE_ prefix). */
    static String home(Set<String> roles) {
        boolean cases = roles.contains("OPERATOR") || roles.contains("TRIAGE_OFFICER") || roles.contains("HANDLER")
                || roles.contains("DEPT_HEAD");
        if (cases) {
            return "/workbench";
        }
        if (roles.contains("LEADER")) {
            return "/dashboard";
        }
        if (roles.contains("POLICE_DISPATCHER")) {
            return "/dispatch";
        }
        if (roles.contains("POLICE_OFFICER")) {
            return "/terminal";
        }
        if (roles.contains("ROAD_CHIEF") || roles.contains("GRID_WORKER")) {
            return "/roads";
        }
        if (roles.contains("ADMIN")) {
            return "/admin";
        }
        return "/workbench";
    }

    private boolean mayOpen(SavedRequest saved, HttpServletRequest request, Authentication auth) {
        WebInvocationPrivilegeEvaluator evaluator = privileges.getIfAvailable();
        if (evaluator == null) {
            return false;
        }
        String uri = java.net.URI.create(saved.getRedirectUrl()).getRawPath();
        if (uri == null || uri.startsWith("/error")) {
            return false;
        }
        String path = uri.substring(Math.min(uri.length(), request.getContextPath().length()));
        return evaluator.isAllowed(request.getContextPath(), path, saved.getMethod(), auth);
    }

    private static Set<String> roles(Authentication auth) {
        return auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .map(a -> a.startsWith("ROLE_") ? a.substring(5) : a).collect(Collectors.toSet());
    }
}
