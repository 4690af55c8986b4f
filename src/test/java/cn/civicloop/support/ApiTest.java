package cn.civicloop.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the HTTP tests: the whole application on a random port, on H2 or PostgreSQL depending on the
 * active profile (see pom.xml, test.db). Every test makes its own cases, so tests never depend on each other.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ApiTest {

    @LocalServerPort
    int port;

    protected Api api;

    protected int port() {
        return port;
    }

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    /** The id of a demo department by its code, looked up through the directory API. */
    protected long departmentId(String code) {
        String token = api.login("dispatcher");
        for (var d : api.get("/api/v1/directory/departments", token).json()) {
            if (d.get("code").asString().equals(code)) {
                return d.get("id").asLong();
            }
        }
        throw new IllegalStateException("no demo department " + code);
    }

    /** Submits an appeal and returns the answer (number, trackingToken, ...). */
    protected Api.Answer submit(Map<String, Object> appeal) {
        return api.post("/api/v1/appeals", null, appeal);
    }

    /** Submits an appeal logged in as a demo user (a staff channel takes only its owners, see ChannelOwners). */
    protected Api.Answer submitAs(String user, Map<String, Object> appeal) {
        return api.post("/api/v1/appeals", api.login(user), appeal);
    }

    /** Performs a case action as the given demo user. */
    protected Api.Answer act(String user, String number, String action, Map<String, Object> body) {
        return api.post("/api/v1/cases/" + number + "/actions/" + action, api.login(user), body);
    }

    /** A valid appeal from the website channel with a fresh external reference. */
    protected static Map<String, Object> appeal(String title) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("channel", "WEBSITE");
        a.put("externalRef", "T-" + UUID.randomUUID());
        a.put("kind", "COMPLAINT");
        a.put("title", title);
        a.put("content", title + "，已经持续一周，请尽快处理。");
        a.put("address", "市中区广济路与君山东路交叉口");
        a.put("contact", Map.of("name", "张三丰", "phone", "13812345678"));
        return a;
    }
}
