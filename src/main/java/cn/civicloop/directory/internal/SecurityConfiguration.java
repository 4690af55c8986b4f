package cn.civicloop.directory.internal;

import java.io.IOException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

import cn.civicloop.shared.web.Refusals;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Two doors. The API ({@code /api/**}) is stateless: staff send a bearer token, so no cookie is ever trusted
 * there and CSRF cannot apply. The pages use form login with a session and CSRF protection.
 * Every path has an owner: public ones are listed here, the rest needs a login, and the finer rules
 * (role, department) are checked by the module that owns the data.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** Who works on the governance loop's cases; the cases module narrows it to departments and holders. */
    private static final String[] CASE_ROLES = { "OPERATOR", "DISPATCHER", "HANDLER", "DEPT_HEAD", "LEADER" };

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, SecurityHeaders headers, AuditLog audit,
            ClientAddress clients) throws Exception {
        http.securityMatcher("/api/**")
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
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/api/v1/appeals").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/token").permitAll()
                        .requestMatchers("/api/v1/public/**").permitAll()
                        .requestMatchers("/api/v1/admin/**").hasRole("ADMIN")
                        // 110 dispatch: the unit terminals, then the desk and leaders (writes checked by the module)
                        .requestMatchers("/api/v1/dispatch/terminal", "/api/v1/dispatch/terminal/**").hasRole("POLICE_OFFICER")
                        .requestMatchers(HttpMethod.POST, "/api/v1/dispatch/**").hasRole("POLICE_DISPATCHER")
                        .requestMatchers("/api/v1/dispatch/**").hasAnyRole("POLICE_DISPATCHER", "LEADER")
                        // deployment planning (planning module): the police command reads and runs
                        .requestMatchers("/api/v1/planning/**").hasAnyRole("POLICE_DISPATCHER", "LEADER")
                        // the governance loop's cases: only the roles that work on them (police, road chiefs and grid
                        // workers reach cases through their own modules, never through these doors); the staff
                        // pages refuse the others in the cases module, with a readable page
                        .requestMatchers("/api/v1/cases", "/api/v1/cases/**").hasAnyRole(CASE_ROLES)
                        // road chiefs (路长制): whistles also for the named departments, briefing also for admins;
                        // the roads module checks levels, squads and departments
                        .requestMatchers("/api/v1/roads/whistles/**", "/api/v1/roads/whistles")
                                .hasAnyRole("ROAD_CHIEF", "LEADER", "HANDLER", "DEPT_HEAD")
                        .requestMatchers("/api/v1/roads/briefing", "/api/v1/roads/briefing.xlsx")
                                .hasAnyRole("ROAD_CHIEF", "LEADER", "ADMIN")
                        .requestMatchers("/api/v1/roads/**").hasAnyRole("ROAD_CHIEF", "GRID_WORKER", "LEADER")
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> problem(res, HttpStatus.UNAUTHORIZED,
                                "需要登录：请提供有效的访问令牌 (a valid bearer token is required)"))
                        .accessDeniedHandler((req, res, ex) -> problem(res, HttpStatus.FORBIDDEN,
                                "无权访问 (your role does not allow this)")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, SecurityHeaders headers, FormLoginLockout lockout, AuditLog audit,
            ClientAddress clients) throws Exception {
        http.addFilterBefore(lockout.guard(), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new StaffActionAuditFilter(audit, clients), AuthorizationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/", "/login", "/error", "/track", "/track/**", "/report", "/report/**", "/geo/**",
                                "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico",
                                "/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs/**").permitAll()
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        // the case list's live channel (web module): the roles that work on cases, like the list
                        .requestMatchers("/workbench/cases/stream").hasAnyRole(CASE_ROLES)
                        .requestMatchers("/terminal", "/terminal/**").hasRole("POLICE_OFFICER")
                        .requestMatchers(HttpMethod.POST, "/dispatch/**").hasRole("POLICE_DISPATCHER")
                        .requestMatchers("/dispatch", "/dispatch/**").hasAnyRole("POLICE_DISPATCHER", "LEADER")
                        .requestMatchers("/planning", "/planning/**").hasAnyRole("POLICE_DISPATCHER", "LEADER")
                        .requestMatchers("/roads/signs", "/roads/signs/**").permitAll()
                        .requestMatchers("/roads/briefing", "/roads/briefing.xlsx").hasAnyRole("ROAD_CHIEF", "LEADER", "ADMIN")
                        // the whistle page: also the named departments' staff (the roads module shows each only its own)
                        .requestMatchers("/roads/whistles", "/roads/whistles/**").hasAnyRole("ROAD_CHIEF", "LEADER", "HANDLER", "DEPT_HEAD")
                        .requestMatchers("/roads", "/roads/**").hasAnyRole("ROAD_CHIEF", "GRID_WORKER", "LEADER")
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").successHandler(lockout.onSuccess())
                        .failureHandler(lockout.onFailure()).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .headers(headers::apply);
        return http.build();
    }

    /** A URL the firewall refuses (";", "%2F", "//", …) is a 400 problem document, like every other refusal. */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return (req, res, ex) -> Refusals.write(req, res, HttpStatus.BAD_REQUEST,
                "请求地址包含不允许的字符 (the request URL contains characters that are not allowed)");
    }

    @Bean
    FormLoginLockout formLoginLockout(LoginLockout lockout, ClientAddress clients) {
        return new FormLoginLockout(lockout, clients);
    }

    private static void problem(HttpServletResponse res, HttpStatus status, String detail) throws IOException {
        res.setStatus(status.value());
        res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        res.setCharacterEncoding("UTF-8");
        String body = "{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
                + status.value() + ",\"detail\":\"" + detail.replace("\"", "'") + "\"}";
        res.getWriter().write(body);
    }
}
