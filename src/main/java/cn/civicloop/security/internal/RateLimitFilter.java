package cn.civicloop.security.internal;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.function.Predicate;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.civicloop.shared.Phrase;
import cn.civicloop.shared.web.Refusals;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Per-client rate limits (matched on the decoded, normalised path) on the doors worth hammering: public submission, the tracking lookup (against
 * guessing number and code), login and the public address lookups. A refused request gets 429 with Retry-After before anything else runs.
 * Configured under {@code civicloop.security.rate-limit.*}; {@code enabled: false} turns all of it off.
 */
class RateLimitFilter extends OncePerRequestFilter {

    /** One limited door: which requests, and their bucket. */
    private record Door(String name, Predicate<HttpServletRequest> matches, TokenBuckets buckets) {
    }

    private final List<Door> doors;
    private final ClientAddress clients;

    RateLimitFilter(SecurityProperties.RateLimits limits, Clock clock, ClientAddress clients) {
        this.clients = clients;
        this.doors = List.of(
                door(clock, "submit", limits.submit(), r -> post(r) && (is(r, "/api/v1/appeals") || is(r, "/report"))),
                door(clock, "track", limits.track(), r -> path(r).startsWith("/api/v1/public/cases/")
                        || post(r) && (is(r, "/track") || path(r).startsWith("/track/"))),
                door(clock, "login", limits.login(), r -> post(r) && (is(r, "/api/v1/auth/token") || is(r, "/login"))),
                door(clock, "places", limits.places(), r -> path(r).startsWith("/api/v1/places/")));
    }

    private static Door door(Clock clock, String name, SecurityProperties.Limit limit,
            Predicate<HttpServletRequest> matches) {
        return new Door(name, matches, new TokenBuckets(clock, limit.capacity(), limit.period()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (Door door : doors) {
            if (door.matches().test(request)) {
                long wait = door.buckets().take(clients.of(request));
                if (wait > 0) {
                    response.setHeader("Retry-After", Long.toString(wait));
                    Refusals.write(request, response, HttpStatus.TOO_MANY_REQUESTS, Phrase.of(
                            "problem.security.too-many-requests", "请求过于频繁，请 {0} 秒后再试", wait));
                    return;
                }
                break;
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean post(HttpServletRequest r) {
        return "POST".equals(r.getMethod());
    }

    private static boolean is(HttpServletRequest r, String path) {
        String uri = path(r);
        return uri.equals(path) || uri.equals(path + "/");
    }

    /**
     * The path as the application's handlers and Spring Security's rules see it: percent-decoded and normalised by
     * the container ({@code /%6Cogin} is {@code /login}), never the raw request URI, so no spelling escapes a limit.
     */
    static String path(HttpServletRequest r) {
        String path = r.getServletPath() + (r.getPathInfo() == null ? "" : r.getPathInfo());
        return path.isEmpty() ? "/" : path.replaceAll("/{2,}", "/");
    }
}
