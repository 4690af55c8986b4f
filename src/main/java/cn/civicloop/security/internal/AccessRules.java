package cn.civicloop.security.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import cn.civicloop.directory.Role;
import cn.civicloop.shared.web.EndpointOwners;
import cn.civicloop.shared.web.EndpointOwners.Rule;

/**
 * The endpoint owners every module declared, as one ordered list of rules for the two filter chains (ADR 0012).
 * Spring Security tries the rules of a chain in order and the first that matches decides, so the order is the
 * meaning. It is fixed here, whatever order the modules' beans come in: <b>the most specific pattern first</b>, the
 * same order in which Spring MVC picks a handler ({@link PathPattern#SPECIFICITY_COMPARATOR}: a pattern without
 * {@code /**} before one with it, fewer variables and wildcards first, a longer catch-all before a shorter one);
 * on the same pattern a rule for one method before the rule for every method; then by module name and the order of
 * declaration. So {@code /api/v1/dispatch/terminal/**} is tried before {@code POST /api/v1/dispatch/**}, which is
 * tried before {@code /api/v1/dispatch/**}.
 * <p>
 * Refused at startup: a role that is not one of the directory's, and two rules for the same method and pattern that
 * disagree (two modules claiming one path).
 */
final class AccessRules {

    private static final PathPatternParser PARSER = PathPatternParser.defaultInstance;

    private final List<Rule> ordered;

    AccessRules(List<EndpointOwners> declarations) {
        Map<String, Rule> byKey = new HashMap<>();
        List<Rule> all = new ArrayList<>();
        for (EndpointOwners owners : declarations) {
            for (Rule rule : owners.rules()) {
                rule.roles().forEach(AccessRules::checkRole);
                String key = (rule.method() == null ? "ANY" : rule.method().name()) + " " + rule.pattern();
                Rule earlier = byKey.putIfAbsent(key, rule);
                if (earlier == null) {
                    all.add(rule);
                } else if (earlier.access() != rule.access() || !earlier.roles().equals(rule.roles())) {
                    throw new IllegalStateException("two owners for " + key + ": " + earlier + " and " + rule);
                }
            }
        }
        List<Rule> declared = List.copyOf(all);
        Comparator<Rule> order = Comparator.<Rule, PathPattern>comparing(r -> PARSER.parse(r.pattern()),
                PathPattern.SPECIFICITY_COMPARATOR)
                .thenComparing(r -> r.method() == null)
                .thenComparing(Rule::module)
                .thenComparingInt(declared::indexOf);
        this.ordered = all.stream().sorted(order).toList();
    }

    /** The rules of one door in the order they are tried. */
    List<Rule> of(boolean apiDoor) {
        return ordered.stream().filter(r -> r.api() == apiDoor).toList();
    }

    /** Adds one door's rules to a chain's authorization, in order; the caller ends with its own fallback. */
    void apply(boolean apiDoor,
            AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry auth) {
        for (Rule rule : of(apiDoor)) {
            var matched = rule.method() == null ? auth.requestMatchers(rule.pattern())
                    : auth.requestMatchers(rule.method(), rule.pattern());
            switch (rule.access()) {
                case PUBLIC -> matched.permitAll();
                case STAFF -> matched.authenticated();
                case ROLES -> matched.hasAnyRole(rule.roles().toArray(String[]::new));
            }
        }
    }

    private static void checkRole(String name) {
        try {
            Role.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("endpoint owner " + name + " is not a role of the directory", e);
        }
    }
}
