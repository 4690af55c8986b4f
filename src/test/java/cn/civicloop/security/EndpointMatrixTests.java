package cn.civicloop.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import cn.civicloop.directory.Role;
import cn.civicloop.support.Api;
import cn.civicloop.support.ApiTest;

/**
 * Every endpoint of the application has a declared owner in the matrix, and the security layer enforces it:
 * an anonymous caller and a caller whose role is not an owner are refused, an owner is let through (what happens
 * next, e.g. a 404 for the made-up id, is the module's business). A new endpoint without a row fails the build.
 */
class EndpointMatrixTests extends ApiTest {

    /** One demo account per role; roles without a demo account are still declared, just not exercised here. */
    private static final Map<Role, String> USERS = new EnumMap<>(Map.ofEntries(Map.entry(Role.ADMIN, "admin"),
            Map.entry(Role.SECURITY_ADMIN, "secadmin"), Map.entry(Role.AUDIT_ADMIN, "auditor"),
            Map.entry(Role.OPERATOR, "operator"), Map.entry(Role.TRIAGE_OFFICER, "dispatcher"),
            Map.entry(Role.LEADER, "leader"), Map.entry(Role.HANDLER, "zfj"), Map.entry(Role.DEPT_HEAD, "zfj-head"),
            Map.entry(Role.POLICE_DISPATCHER, "police-desk"), Map.entry(Role.POLICE_OFFICER, "unit-b1-1"),
            Map.entry(Role.ROAD_CHIEF, "road3"), Map.entry(Role.GRID_WORKER, "grid1"),
            Map.entry(Role.OPINION_OFFICER, "opinion")));

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private final EndpointMatrix matrix = EndpointMatrix.load();
    private final Map<Role, PageSession> sessions = new EnumMap<>(Role.class);

    /** Method + pattern of every handler method, as the matrix names them. */
    List<String[]> endpoints() {
        List<String[]> all = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            Set<String> patterns = info.getPatternValues();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String p : patterns) {
                if (methods.isEmpty()) {
                    all.add(new String[] { "ANY", p });
                }
                methods.forEach(m -> all.add(new String[] { m.name(), p }));
            }
        });
        return all;
    }

    @Test
    void everyEndpointHasADeclaredOwnerAndEveryRowAnEndpoint() {
        Set<String> missing = new TreeSet<>();
        Set<String> seen = new TreeSet<>();
        for (String[] e : endpoints()) {
            seen.add(e[0] + " " + e[1]);
            if (matrix.find(e[0], e[1]) == null) {
                missing.add(e[0] + " " + e[1] + " <OWNERS>");
            }
        }
        assertThat(missing).as("endpoints without an owner: add a line to src/test/resources/" + EndpointMatrix.FILE)
                .isEmpty();
        assertThat(matrix.rows()).as("rows for endpoints that no longer exist")
                .allSatisfy(r -> assertThat(seen).contains(r.method() + " " + r.pattern()));
    }

    @Test
    void theSecurityLayerEnforcesTheMatrix() throws Exception {
        List<String> failures = new ArrayList<>();
        for (EndpointMatrix.Row row : matrix.rows()) {
            if (row.isPublic() || row.method().equals("ANY")) {
                continue;
            }
            String path = row.pattern().replaceAll("\\{[^}]+}", "999999");
            Outcome anonymous = call(row, path, null);
            if (!anonymous.refused()) {
                failures.add(row + ": anonymous caller got " + anonymous);
            }
            for (Role role : USERS.keySet()) {
                Outcome outcome = call(row, path, role);
                boolean owner = row.owners().contains(role);
                if (owner && outcome.refused()) {
                    failures.add(row + ": owner " + role + " was refused with " + outcome);
                } else if (!owner && !outcome.refused() && !outcome.stoppedBeforeTheRoleCheck(path)) {
                    failures.add(row + ": " + role + " is no owner but got " + outcome);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void everyStateChangingFormRefusesARequestWithoutItsCsrfToken() {
        PageSession admin = new PageSession("admin");
        Set<String> forms = new TreeSet<>(Set.of("POST /login", "POST /logout"));
        for (String[] e : endpoints()) {
            // the API door (the application's API, the Open311 server) takes no page session, hence no CSRF token
            boolean apiDoor = cn.civicloop.shared.web.EndpointOwners.API_DOOR_PREFIXES.stream()
                    .anyMatch(p -> e[1].startsWith(p + "/"));
            if (!apiDoor && !e[0].equals("GET") && !e[0].equals("HEAD") && !e[0].equals("OPTIONS")) {
                forms.add((e[0].equals("ANY") ? "POST" : e[0]) + " " + e[1]);
            }
        }
        assertThat(forms).as("the page forms found in the request mappings").hasSizeGreaterThan(5);
        List<String> accepted = new ArrayList<>();
        for (String form : forms) {
            String[] e = form.split(" ");
            var r = admin.withoutCsrf(e[0], e[1].replaceAll("\\{[^}]+}", "999999"));
            if (r.statusCode() != 403) {
                accepted.add(form + " -> " + r.statusCode());
            }
        }
        assertThat(accepted).as("forms that took a request without a CSRF token").isEmpty();
    }

    /** What came back: a refusal is 401, 403 (the security layer's or the module's) or a redirect to the login. */
    private record Outcome(int status, String location) {
        boolean refused() {
            return status == 401 || status == 403 || status == 302 && location.contains("/login");
        }

        /**
         * The made-up id (404) or the empty body (400/422) stopped a non-owner before the module's own role check
         * could; counted as refused, since nothing was read or written. Rows guarded by the security layer never
         * get this far.
         */
        boolean stoppedBeforeTheRoleCheck(String path) {
            return status == 400 || status == 422 || status == 404 && path.contains("999999");
        }
    }

    private Outcome call(EndpointMatrix.Row row, String path, Role role) throws Exception {
        if (path.endsWith("/stream")) {
            return stream(row, path, role);
        }
        if (row.isApi()) {
            // logging out revokes the token: that row gets a token of its own, not the cached one the other rows use
            String token = role == null ? null : row.pattern().equals("/api/v1/auth/logout")
                    ? api.post("/api/v1/auth/token", null, Map.of("username", USERS.get(role), "password", Api.PASSWORD))
                            .text("token")
                    : api.login(USERS.get(role));
            Api.Answer a = switch (row.method()) {
                case "GET" -> api.get(path, token);
                case "DELETE" -> api.delete(path, token);
                case "PUT" -> api.put(path, token, Map.of());
                default -> api.postRaw(path, token, "application/json", "{}".getBytes(StandardCharsets.UTF_8),
                        Map.of());
            };
            return new Outcome(a.status(), "");
        }
        PageSession session = role == null ? new PageSession(null) : sessions.computeIfAbsent(role,
                r -> new PageSession(USERS.get(r)));
        var r = session.send(row.method(), path);
        return new Outcome(r.statusCode(), r.headers().firstValue("Location").orElse(""));
    }

    /**
     * A Server-Sent Events stream never ends for an owner: only its status line is read (the body handler returns
     * as soon as the headers are in), then the stream is closed.
     */
    private Outcome stream(EndpointMatrix.Row row, String path, Role role) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).GET()
                .header("Accept", "text/event-stream");
        HttpClient http;
        if (row.isApi()) {
            http = HttpClient.newHttpClient();
            if (role != null) {
                request.header("Authorization", "Bearer " + api.login(USERS.get(role)));
            }
        } else {
            http = (role == null ? new PageSession(null) : sessions.computeIfAbsent(role,
                    r -> new PageSession(USERS.get(r)))).http;
        }
        HttpResponse<java.io.InputStream> r = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        r.body().close();
        return new Outcome(r.statusCode(), r.headers().firstValue("Location").orElse(""));
    }

    /** A browser's session on the pages: logged in as a demo user (or anonymous), with its CSRF token. */
    private final class PageSession {
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        private String csrf;

        PageSession(String username) {
            csrf = csrfOf(get("/login").body());
            if (username != null) {
                var r = form("POST", "/login", "username=" + username + "&password=" + Api.PASSWORD);
                assertThat(r.statusCode()).as("form login of " + username).isEqualTo(302);
                assertThat(r.headers().firstValue("Location").orElse("")).doesNotContain("error");
                if (r.headers().firstValue("Location").orElse("").endsWith("/login/totp")) {
                    // an administrator's second step: the code of the demo TOTP secret
                    csrf = csrfOf(get("/login/totp").body());
                    var second = form("POST", "/login/totp", "code=" + cn.civicloop.support.Totp.forLogin(port(), username));
                    assertThat(second.statusCode()).as("second step of " + username).isEqualTo(302);
                }
                csrf = csrfOf(get("/login").body());
            }
        }

        HttpResponse<String> send(String method, String path) {
            return method.equals("GET") ? get(path) : form(method, path, "");
        }

        HttpResponse<String> withoutCsrf(String method, String path) {
            return exchange(HttpRequest.newBuilder(URI.create(base() + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .method(method, HttpRequest.BodyPublishers.ofString("comment=x")));
        }

        private HttpResponse<String> get(String path) {
            return exchange(HttpRequest.newBuilder(URI.create(base() + path)).GET());
        }

        private HttpResponse<String> form(String method, String path, String body) {
            String withToken = "_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8) + (body.isEmpty() ? "" : "&" + body);
            return exchange(HttpRequest.newBuilder(URI.create(base() + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .method(method, HttpRequest.BodyPublishers.ofString(withToken)));
        }

        private HttpResponse<String> exchange(HttpRequest.Builder b) {
            try {
                return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static String csrfOf(String html) {
        return cn.civicloop.support.PageSession.csrfOf(html);
    }

    private String base() {
        return "http://127.0.0.1:" + port();
    }
}
