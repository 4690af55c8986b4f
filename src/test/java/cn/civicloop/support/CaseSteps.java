package cn.civicloop.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The test data of the HTTP tests, once: a case brought to the step a test starts from through the real API (the
 * operator registers, the district dispatcher assigns, the department's handler signs), each step checked, and the
 * check of an answer that must have succeeded. A failed step fails the test with the answer's body.
 */
public final class CaseSteps {

    private CaseSteps() {
    }

    /** Checks that {@code answer} succeeded (200) and returns it. */
    public static Api.Answer ok(Api.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer;
    }

    /** Checks that {@code answer} succeeded and left the case in {@code status}; returns the case. */
    public static JsonNode ok(Api.Answer answer, String status) {
        ok(answer);
        assertThat(answer.text("status")).as(answer.body()).isEqualTo(status);
        return answer.json();
    }

    /** Submits {@code appeal} without a login (a public channel) and returns the case's number. */
    public static String submitted(Api api, Map<String, Object> appeal) {
        Api.Answer a = api.post("/api/v1/appeals", null, appeal);
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return a.text("number");
    }

    /** Registers the submitted case {@code number} and assigns it to the department {@code code}. */
    public static String assign(Api api, String number, String code) {
        api.ok("operator", number, "register", Map.of(), "REGISTERED");
        api.ok("dispatcher", number, "assign", Map.of("departmentId", api.departmentId(code)), "ASSIGNED");
        return number;
    }

    /** A case of {@code appeal} registered and assigned to the department {@code code}; its number. */
    public static String assignedTo(Api api, String code, Map<String, Object> appeal) {
        return assign(api, submitted(api, appeal), code);
    }

    /** A case of {@code appeal} assigned to the department {@code code} and signed by its handler (the demo user
     * named by the code in small letters); its number. */
    public static String signedBy(Api api, String code, Map<String, Object> appeal) {
        String number = assignedTo(api, code, appeal);
        api.ok(code.toLowerCase(java.util.Locale.ROOT), number, "sign", Map.of(), "IN_PROGRESS");
        return number;
    }
}
