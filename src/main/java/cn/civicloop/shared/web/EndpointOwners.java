package cn.civicloop.shared.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.http.HttpMethod;

/**
 * Who may call a module's endpoints (接口的责任角色), declared by the module itself: its {@code web} package provides
 * one bean of this type, and the security module composes all of them into its two filter chains — the API door
 * ({@code /api/**}, bearer tokens) and the page door (everything else, form login). A path nobody declares needs a
 * logged-in member of staff. The finer rules (own department, own case, level of a chief) stay the module's own,
 * checked in its code. See ADR 0012 for the order in which the rules of all modules are tried.
 * <pre>{@code
 * EndpointOwners.of("dispatch")
 *         .paths("/api/v1/dispatch/terminal", "/api/v1/dispatch/terminal/**").roles(Role.POLICE_OFFICER)
 *         .paths(HttpMethod.POST, "/api/v1/dispatch/**").roles(Role.POLICE_DISPATCHER)
 *         .paths("/api/v1/dispatch/**").roles(Role.POLICE_DISPATCHER, Role.LEADER)
 *         .build();
 * }</pre>
 * It lives in the shared kernel, not in the security module, because every module declares, the directory (which the
 * security module reads its staff from) and geography (which depends on nothing) included.
 */
public final class EndpointOwners {

    /**
     * The paths behind the API door (no page session, no CSRF token, problem documents): the application's own API,
     * and the Open311 server, which other systems call with their api_key.
     */
    public static final List<String> API_DOOR_PREFIXES = List.of("/api", "/open311");

    /** Who may pass. */
    public enum Access {
        /** Anyone, without a login (residents, static files). */
        PUBLIC,
        /** Any logged-in member of staff; the module narrows it down itself. */
        STAFF,
        /** Staff holding at least one of the rule's roles. */
        ROLES
    }

    /**
     * One declared rule.
     *
     * @param module  the declaring module, for messages and as a tie-breaker of the order
     * @param method  the HTTP method, or {@code null} for every method
     * @param pattern a path pattern as in {@code @RequestMapping} ({@code *}, {@code **} and {@code {var}} allowed)
     * @param access  who may pass
     * @param roles   for {@link Access#ROLES}: names of the directory's roles ({@code Role.name()})
     */
    public record Rule(String module, HttpMethod method, String pattern, Access access, List<String> roles) {

        public Rule {
            if (pattern == null || !pattern.startsWith("/")) {
                throw new IllegalArgumentException(module + ": a path pattern starts with '/': " + pattern);
            }
            roles = List.copyOf(roles);
            if ((access == Access.ROLES) == roles.isEmpty()) {
                throw new IllegalArgumentException(module + ": " + pattern + " needs roles exactly when access is ROLES");
            }
        }

        /** True for the API door, false for the page door. */
        public boolean api() {
            return API_DOOR_PREFIXES.stream().anyMatch(p -> pattern.equals(p) || pattern.startsWith(p + "/"));
        }

        @Override
        public String toString() {
            return (method == null ? "ANY" : method.name()) + " " + pattern + " " + (access == Access.ROLES ? roles : access)
                    + " (" + module + ")";
        }
    }

    private final String module;
    private final List<Rule> rules;

    private EndpointOwners(String module, List<Rule> rules) {
        this.module = module;
        this.rules = List.copyOf(rules);
    }

    /** Starts the declaration of {@code module}'s endpoints. */
    public static Builder of(String module) {
        return new Builder(module);
    }

    public String module() {
        return module;
    }

    /** The rules in the order declared. */
    public List<Rule> rules() {
        return rules;
    }

    /** Collects rules: {@code paths(...)} names requests, the next call says who may make them. */
    public static final class Builder {

        private final String module;
        private final List<Rule> rules = new ArrayList<>();

        private Builder(String module) {
            this.module = module;
        }

        /** Requests with any method on these path patterns. */
        public Owners paths(String... patterns) {
            return new Owners(null, patterns);
        }

        /** Requests with {@code method} on these path patterns. */
        public Owners paths(HttpMethod method, String... patterns) {
            return new Owners(method, patterns);
        }

        public EndpointOwners build() {
            return new EndpointOwners(module, rules);
        }

        /** Who may make the requests just named. */
        public final class Owners {

            private final HttpMethod method;
            private final String[] patterns;

            private Owners(HttpMethod method, String[] patterns) {
                if (patterns.length == 0) {
                    throw new IllegalArgumentException(module + ": name at least one path pattern");
                }
                this.method = method;
                this.patterns = patterns.clone();
            }

            /** Anyone, no login. */
            public Builder open() {
                return add(Access.PUBLIC, List.of());
            }

            /** Any logged-in member of staff. */
            public Builder staff() {
                return add(Access.STAFF, List.of());
            }

            /** Staff holding one of these roles (constants of the directory's {@code Role}). */
            public Builder roles(Enum<?>... roles) {
                return add(Access.ROLES, Arrays.stream(roles).map(Enum::name).toList());
            }

            private Builder add(Access access, List<String> roles) {
                for (String pattern : patterns) {
                    rules.add(new Rule(module, method, pattern, access, roles));
                }
                return Builder.this;
            }
        }
    }
}
