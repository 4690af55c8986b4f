package cn.civicloop.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the tests: real requests against the running application on its random port. */
public final class Api {

    public static final String PASSWORD = "civic-demo";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final int port;

    public Api(int port) {
        this.port = port;
        this.base = "http://127.0.0.1:" + port;
    }

    /** A response: status, content type and the body as JSON (or null when it is not JSON). */
    public record Answer(int status, String contentType, String body) {
        public JsonNode json() {
            return body == null || body.isBlank() ? null : JSON.readTree(body);
        }

        public String text(String field) {
            JsonNode node = json().get(field);
            return node == null || node.isNull() ? null : node.asString();
        }
    }

    /** A bearer token for a demo user; cached per server, since checking a password is slow by design. */
    public String login(String username) {
        return TOKENS.computeIfAbsent(base + " " + username, k -> {
            Answer a = post("/api/v1/auth/token", null, Map.of("username", username, "password", PASSWORD));
            if (a.status() != 200) {
                throw new IllegalStateException("login " + username + " failed: " + a);
            }
            return a.text("token");
        });
    }

    /** Forgets cached tokens, for tests that change passwords or deactivate accounts. */
    public static void forgetTokens() {
        TOKENS.clear();
    }

    /** Performs a case action as the given demo user. */
    public Answer act(String user, String number, String action, Map<String, Object> body) {
        return post("/api/v1/cases/" + number + "/actions/" + action, login(user), body);
    }

    /**
     * Performs a case action as the given demo user and checks that it succeeded and left the case in
     * {@code status}; returns the case.
     */
    public JsonNode ok(String user, String number, String action, Map<String, Object> body, String status) {
        Answer a = act(user, number, action, body);
        if (a.status() != 200) {
            throw new AssertionError(action + " by " + user + " on " + number + " answered " + a.status() + ": " + a.body());
        }
        JsonNode c = a.json();
        String actual = c.get("status").asString();
        if (!actual.equals(status)) {
            throw new AssertionError(action + " left " + number + " " + actual + ", expected " + status);
        }
        return c;
    }

    /** The id of a demo department by its code, looked up through the directory API. */
    public long departmentId(String code) {
        for (var d : get("/api/v1/directory/departments", login("dispatcher")).json()) {
            if (d.get("code").asString().equals(code)) {
                return d.get("id").asLong();
            }
        }
        throw new IllegalStateException("no demo department " + code);
    }

    /** Forgets this server's cached tokens, for tests that move the clock past a token's lifetime. */
    public void forgetOwnTokens() {
        TOKENS.keySet().removeIf(k -> k.startsWith(base + " "));
    }

    public Answer get(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), token, Map.of());
    }

    public Answer get(String path, String token, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), token, headers);
    }

    public Answer post(String path, String token, Object body) {
        return post(path, token, body, Map.of());
    }

    /**
     * Posts JSON. A token request of a demo administrator with the demo password and no {@code totp} field gets the
     * code of the demo TOTP secret added, as his authenticator would give it ({@link Totp}); to send a token request
     * exactly as written, use {@link #postRaw}.
     */
    public Answer post(String path, String token, Object body, Map<String, String> headers) {
        if ("/api/v1/auth/token".equals(path) && body instanceof Map<?, ?> fields && !fields.containsKey("totp")
                && PASSWORD.equals(fields.get("password")) && Totp.asked(String.valueOf(fields.get("username")))) {
            var withCode = new java.util.LinkedHashMap<Object, Object>(fields);
            withCode.put("totp", Totp.forLogin(port, String.valueOf(fields.get("username"))));
            body = withCode;
        }
        String json = body instanceof String s ? s : JSON.writeValueAsString(body);
        return postRaw(path, token, "application/json", json.getBytes(StandardCharsets.UTF_8), headers);
    }

    public Answer put(String path, String token, Object body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .header("Content-Type", "application/json");
        return send(b, token, Map.of());
    }

    public Answer delete(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE(), token, Map.of());
    }

    public Answer postRaw(String path, String token, String contentType, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", contentType);
        return send(b, token, headers);
    }

    /** Multipart body with one JSON part and any number of file parts named {@code fileField}. */
    public Answer postMultipart(String path, String token, String jsonPart, Object json, String fileField,
            Map<String, byte[]> files) {
        String boundary = "----civicloop" + UUID.randomUUID();
        var out = new java.io.ByteArrayOutputStream();
        try {
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + jsonPart
                    + "\"\r\nContent-Type: application/json\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(JSON.writeValueAsBytes(json));
            out.write("\r\n".getBytes(StandardCharsets.UTF_8));
            for (var f : files.entrySet()) {
                out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField
                        + "\"; filename=\"" + f.getKey() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                out.write(f.getValue());
                out.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return postRaw(path, token, "multipart/form-data; boundary=" + boundary, out.toByteArray(), Map.of());
    }

    private Answer send(HttpRequest.Builder b, String token, Map<String, String> headers) {
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        headers.forEach(b::header);
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    public static JsonMapper json() {
        return JSON;
    }
}
