package cn.civicloop.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import cn.civicloop.support.Api;
import cn.civicloop.support.ApiTest;

/**
 * The urgency a resident asks for is a hint (ADR 0015): triage confirms or rejects it, on the timeline with who, when
 * and why, and only a confirmation starts the urgent clock.
 */
class UrgencyHintApiTests extends ApiTest {

    @Test
    void aConfirmedHintMakesTheCaseUrgentAndStartsTheUrgentClockThen() {
        String number = urgentFromThePublic("小区门口垃圾堆积发臭，请尽快处理");
        JsonNode before = view(number);
        assertThat(before.get("urgency").asString()).isEqualTo("NORMAL");
        assertThat(before.get("urgencyHint").asString()).isEqualTo("URGENT");
        Instant normalDue = handlingDue(before);
        assertThat(Duration.between(Instant.now(), normalDue)).as("no urgent clock yet").isGreaterThan(Duration.ofDays(2));
        assertThat(actions(number, "dispatcher")).contains("CONFIRM_URGENCY", "REJECT_URGENCY");

        assertThat(act("dispatcher", number, "confirm-urgency", Map.of()).status()).as("a reason is required")
                .isEqualTo(422);
        Api.Answer confirmed = act("dispatcher", number, "confirm-urgency", Map.of("reason", "回电核实：垃圾已堵住消防通道"));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);

        JsonNode after = view(number);
        assertThat(after.get("urgency").asString()).isEqualTo("URGENT");
        assertThat(after.get("urgencyHint").isNull()).isTrue();
        assertThat(Duration.between(Instant.now(), handlingDue(after))).as("the urgent limit, from the decision")
                .isLessThanOrEqualTo(Duration.ofHours(24)).isPositive();
        JsonNode entry = lastEntry(number);
        assertThat(entry.get("action").asString()).isEqualTo("CONFIRM_URGENCY");
        assertThat(entry.get("actorName").asString()).isNotBlank();
        assertThat(entry.get("reason").asString()).isEqualTo("回电核实：垃圾已堵住消防通道");
        assertThat(entry.get("at").asString()).isNotBlank();
        assertThat(act("dispatcher", number, "confirm-urgency", Map.of("reason", "再次确认")).status())
                .as("settled once").isEqualTo(409);
    }

    @Test
    void aRejectedHintLeavesUrgencyAndClockAsTheyWere() {
        String number = urgentFromThePublic("小区路灯有一盏不亮");
        Instant due = handlingDue(view(number));
        Api.Answer rejected = act("operator", number, "reject-urgency", Map.of("reason", "路灯不亮，不属紧急"));
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        JsonNode after = view(number);
        assertThat(after.get("urgency").asString()).isEqualTo("NORMAL");
        assertThat(after.get("urgencyHint").isNull()).isTrue();
        assertThat(handlingDue(after)).isEqualTo(due);
        assertThat(lastEntry(number).get("action").asString()).isEqualTo("REJECT_URGENCY");
        assertThat(lastEntry(number).get("reason").asString()).isEqualTo("路灯不亮，不属紧急");
    }

    @Test
    void withoutAHintThereIsNothingToConfirm() {
        String number = submit(appeal("人行道护栏松动")).text("number");
        assertThat(actions(number, "dispatcher")).doesNotContain("CONFIRM_URGENCY");
        assertThat(act("dispatcher", number, "confirm-urgency", Map.of("reason", "看上去急")).status()).isEqualTo(409);
        assertThat(view(number).get("urgency").asString()).isEqualTo("NORMAL");
    }

    private String urgentFromThePublic(String title) {
        Map<String, Object> appeal = appeal(title);
        appeal.put("urgency", "URGENT");
        Api.Answer submitted = submit(appeal);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        return submitted.text("number");
    }

    private JsonNode view(String number) {
        return api.get("/api/v1/cases/" + number, api.login("operator")).json();
    }

    private List<String> actions(String number, String user) {
        return api.get("/api/v1/cases/" + number, api.login(user)).json().get("allowedActions").valueStream()
                .map(JsonNode::asString).toList();
    }

    private static Instant handlingDue(JsonNode view) {
        return view.get("clocks").valueStream().filter(c -> c.get("stage").asString().equals("HANDLE"))
                .map(c -> Instant.parse(c.get("dueAt").asString())).findFirst().orElseThrow();
    }

    private JsonNode lastEntry(String number) {
        JsonNode timeline = api.get("/api/v1/cases/" + number + "/timeline", api.login("operator")).json();
        return timeline.get(timeline.size() - 1);
    }
}
