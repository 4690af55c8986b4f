package cn.civicloop.security.internal;

import java.io.IOException;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import cn.civicloop.directory.Role;
import cn.civicloop.shared.Phrase;
import jakarta.servlet.http.HttpServletRequest;
import cn.civicloop.shared.web.RequestLanguage;
import cn.civicloop.shared.web.RefusalText;
import cn.civicloop.shared.web.EndpointOwners;
import cn.civicloop.shared.web.Refusals;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Two doors. The API ({@code /api/**}) is stateless: staff send a bearer token, so no cookie is ever trusted
 * there and CSRF cannot apply. The pages use form login with a session and CSRF protection.
 * Every path has an owner, declared by the module that serves it ({@link EndpointOwners}, composed by
 * {@link AccessRules}); a path nobody declared needs a login, and the finer rules (role, department) are checked by
 * the module that owns the data. Only what belongs to no module is declared here.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

    /**
     * What no module serves: static files, the error page, the OpenAPI description. And the two prefixes of ADR 0005,
     * which hold even where a module forgot to declare a path below them (the modules' own, more specific rules
     * come first): {@code /api/v1/public/**} is the residents' door, {@code /api/v1/admin/**} and {@code /admin/**}
     * are for admins.
     */
    @Bean
    EndpointOwners crossCuttingEndpointOwners() {
        return EndpointOwners.of("security")
                .paths("/error", "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico").open()
                .paths("/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs/**").open()
                .paths("/api/v1/public/**").open()
                .paths("/api/v1/admin/**", "/admin/**").roles(Role.ADMIN)
                .build();
    }

    @Bean
    AccessRules accessRules(List<EndpointOwners> declarations) {
        return new AccessRules(declarations);
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, AccessRules rules, ApiTokens tokens, SecurityHeaders headers,
            AuditLog audit, ClientAddress clients) throws Exception {
        http.securityMatcher(EndpointOwners.API_DOOR_PREFIXES.stream().map(p -> p + "/**").toArray(String[]::new))
                .csrf(csrf -> csrf.disable())
                // no session fixation either: a bearer request that happens to carry a page session cookie (one client using
                // both doors) must leave that page session alone — changing its id broke the client's next page request
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                        .sessionFixation(f -> f.none()))
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(c -> c.disable())
                .addFilterBefore(new ApiTokenFilter(tokens), AnonymousAuthenticationFilter.class)
                .addFilterAfter(new StaffActionAuditFilter(audit, clients), AuthorizationFilter.class)
                .headers(headers::apply)
                .authorizeHttpRequests(auth -> {
                    rules.apply(true, auth);
                    auth.anyRequest().authenticated();
                })
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> problem(req, res, HttpStatus.UNAUTHORIZED,
                                Phrase.of("problem.security.token-required", "需要登录：请提供有效的访问令牌")))
                        .accessDeniedHandler((req, res, ex) -> problem(req, res, HttpStatus.FORBIDDEN,
                                Phrase.of("problem.security.role-not-allowed", "无权访问"))));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, AccessRules rules, SecurityHeaders headers, FormLoginLockout lockout,
            AuditLog audit, ClientAddress clients,
            ObjectProvider<WebInvocationPrivilegeEvaluator> privileges) throws Exception {
        http.addFilterAfter(new StaffActionAuditFilter(audit, clients), AuthorizationFilter.class)
                .addFilterBefore(new PendingStepGate(), AuthorizationFilter.class)
                .authorizeHttpRequests(auth -> {
                    rules.apply(false, auth);
                    auth.anyRequest().authenticated();
                })
                .formLogin(form -> form.loginPage("/login").authenticationDetailsSource(lockout.details())
                        .successHandler(lockout.onSuccess(new RoleLanding(privileges)))
                        .failureHandler(lockout.onFailure()).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                // the site's error page tells a refused role from a missing or expired CSRF token (shared.web);
                // the way to the login page is relative: never built from the Host header a client sends
                .exceptionHandling(e -> e.authenticationEntryPoint(relativeLoginEntryPoint())
                        .accessDeniedHandler((req, res, ex) -> {
                            req.setAttribute(WebAttributes.ACCESS_DENIED_403, ex);
                            res.sendError(HttpStatus.FORBIDDEN.value());
                        }))
                .headers(headers::apply);
        return http.build();
    }

    private static LoginUrlAuthenticationEntryPoint relativeLoginEntryPoint() {
        LoginUrlAuthenticationEntryPoint entry = new LoginUrlAuthenticationEntryPoint("/login");
        entry.setFavorRelativeUris(true);
        return entry;
    }

    /** A URL the firewall refuses (";", "%2F", "//", …) is a 400 problem document, like every other refusal. */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return (req, res, ex) -> Refusals.write(req, res, HttpStatus.BAD_REQUEST,
                Phrase.of("problem.security.url-not-allowed", "请求地址包含不允许的字符"));
    }

    @Bean
    FormLoginLockout formLoginLockout(ClientAddress clients) {
        return new FormLoginLockout(clients);
    }

    private static void problem(HttpServletRequest req, HttpServletResponse res, HttpStatus status, Phrase reason)
            throws IOException {
        String detail = RefusalText.in(reason, RequestLanguage.of(req));
        res.setStatus(status.value());
        res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        res.setCharacterEncoding("UTF-8");
        String body = "{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
                + status.value() + ",\"detail\":\"" + detail.replace("\"", "'") + "\"}";
        res.getWriter().write(body);
    }
}
