package cn.civicloop.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.StepRemark;
import cn.civicloop.support.ApiTest;
import cn.civicloop.support.Api;
import cn.civicloop.support.Node;
import tools.jackson.databind.JsonNode;

/**
 * Every hazard probe ({@code src/test/resources/triage/hazard-probes.csv}, 92 appeals of our own writing) through
 * the real path: the public appeal API, intake (urgency), the case opened, triage after commit with the shipped
 * hazard rules, the trained classifier and the demo catalogue, and the system's assignment. A probe that expects a
 * rule must be decided by exactly that rule, reach its department, get its urgency and 110 flag, and say so on the
 * timeline; a probe that expects none must not be matched by any rule (the classifier decides it).
 * Same settings as {@link TriageApiTests}, so the two share one application.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"civicloop.triage.auto-assign=true", "civicloop.triage.auto-threshold=0.5"})
class HazardProbesApiTests extends ApiTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void everyProbeIsDecidedByTheRuleItExpectsAndNoOther() {
        List<HazardProbes.Probe> probes = HazardProbes.read(HazardProbes.ASSERTED);
        assertThat(probes).hasSizeGreaterThanOrEqualTo(40);
        Map<String, HazardProbes.Probe> byNumber = new LinkedHashMap<>();
        for (HazardProbes.Probe p : probes) {
            Map<String, Object> appeal = appeal(p.title());
            appeal.put("channel", p.channel());
            appeal.put("content", p.content());
            // staff channels take only their owners' submissions (intake.ChannelOwners): the hotline's operator, the desk
            String owner = switch (p.channel()) {
                case "HOTLINE_12345" -> "operator";
                case "BLOCK_POLICE", "POLICE_110" -> "police-desk";
                default -> null;
            };
            Api.Answer opened = owner == null ? submit(appeal) : submitAs(owner, appeal);
            assertThat(opened.status()).as(p.id() + ": " + opened.body()).isEqualTo(201);
            byNumber.put(opened.text("number"), p);
        }
        String dispatcher = api.login("dispatcher");
        Map<String, Long> departments = new HashMap<>();
        List<String> wrong = new ArrayList<>();
        for (var e : byNumber.entrySet()) {
            String number = e.getKey();
            HazardProbes.Probe p = e.getValue();
            Node.await(WAIT, "triage of " + p.id(), () -> api.get("/api/v1/triage/cases/" + number, dispatcher).json()
                    .get("decision").isObject());
            JsonNode hazard = api.get("/api/v1/triage/cases/" + number, dispatcher).json().get("decision").get("hazard");
            String rule = hazard.isObject() ? hazard.get("ruleName").asString() : null;
            if (!p.expectsHazard()) {
                check(wrong, p, "rule", null, rule);
                check(wrong, p, "urgency", p.expectedUrgency(), view(number).get("urgency").asString());
                continue;
            }
            check(wrong, p, "rule", p.expectedRule(), rule);
            if (rule == null) {
                continue;
            }
            check(wrong, p, "refer110", p.refer110(), hazard.get("refer110").asBoolean());
            Node.await(WAIT, p.id() + " assigned", () -> view(number).get("status").asString().equals("ASSIGNED"));
            JsonNode view = view(number);
            long expected = departments.computeIfAbsent(p.expectedDepartment(), this::departmentId);
            check(wrong, p, "department", expected, view.get("departmentId").asLong());
            check(wrong, p, "urgency", p.expectedUrgency(), view.get("urgency").asString());
            String reason = api.get("/api/v1/cases/" + number + "/timeline", api.login("leader")).json().valueStream()
                    .filter(t -> t.get("action").asString().equals("ASSIGN")).findFirst().orElseThrow()
                    .get("reason").asString();
            // the step is stored as values (HAZARD_ROUTED[rule|phrase|...]) and worded by the page that reads it
            StepRemark step = StepRemark.parse(CaseAction.ASSIGN, "SYSTEM", reason).orElse(null);
            check(wrong, p, "timeline names the rule and phrase", true, step != null
                    && step.kind() == StepRemark.Kind.HAZARD_ROUTED && step.value(0).equals(rule)
                    && step.value(1).equals(hazard.get("phrase").asString()));
        }
        assertThat(wrong).as(wrong.size() + " of " + probes.size() + " probes decided wrongly").isEmpty();
    }

    private static void check(List<String> wrong, HazardProbes.Probe p, String what, Object expected, Object actual) {
        if (!java.util.Objects.equals(expected, actual)) {
            wrong.add(p.id() + " " + p.title() + ": " + what + " expected " + expected + ", was " + actual);
        }
    }

    private JsonNode view(String number) {
        return api.get("/api/v1/cases/" + number, api.login("leader")).json();
    }
}
