package cn.civicloop.planning.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.civicloop.dispatch.DispatchRecords;
import cn.civicloop.dispatch.RecordedIncident;
import cn.civicloop.dispatch.UnitPlan;
import cn.civicloop.planning.DispatchPolicy;
import cn.civicloop.planning.RunPolling;
import cn.civicloop.planning.internal.model.Call;
import cn.civicloop.planning.internal.model.Deployment;
import cn.civicloop.planning.internal.model.DispatchSimulator;
import cn.civicloop.planning.internal.model.PolicySettings;
import cn.civicloop.planning.internal.model.SimulationReport;
import cn.civicloop.planning.internal.model.StraightLineTravel;
import cn.civicloop.planning.internal.model.Summary;
import cn.civicloop.shared.DistrictTime;
import cn.civicloop.support.Api;
import cn.civicloop.support.ApiTest;
import tools.jackson.databind.JsonNode;

/**
 * A run on a recorded history made through the 110 desk's own API (50 calls entered with their time of receipt,
 * each dispatched to the best-ranked unit of B1/B2, which reports en route, on scene and clear from its terminal) gives the
 * figures of the simulator run directly on those incidents, with the same blocks, units, reserve and assumptions.
 */
class RecordedRunTests extends ApiTest {

    private static final String DESK = "police-desk";
    private static final int INCIDENTS = 50;
    private static final String[] TYPES = {"THEFT", "DISPUTE", "VIOLENCE", "TRAFFIC_MINOR", "SUSPICIOUS", "NOISE"};

    @Autowired
    DispatchRecords records;

    @Autowired
    PlanningProperties properties;

    @Test
    void aRunOnFiftyRecordedIncidentsHasTheFiguresOfTheSimulatorRunDirectly() {
        LocalDate day = emptyDay();
        Instant start = day.atTime(8, 0).atZone(DistrictTime.ZONE).toInstant();
        // the demo has terminal accounts for the units of B1 and B2: the calls come from there
        List<JsonNode> blocks = api.get("/api/v1/dispatch/blocks", api.login(DESK)).json().get("features").valueStream()
                .map(f -> f.get("properties")).filter(p -> List.of("B1", "B2").contains(p.get("code").asString()))
                .toList();
        Random random = new Random(50);
        for (int k = 0; k < INCIDENTS; k++) {
            JsonNode b = blocks.get(random.nextInt(blocks.size()));
            double lat = b.get("postLat").asDouble() + (random.nextDouble() - 0.5) * 0.008;
            double lon = b.get("postLon").asDouble() + (random.nextDouble() - 0.5) * 0.008;
            handle(TYPES[random.nextInt(TYPES.length)], lat, lon, start.plus(Duration.ofMinutes(17L * k)));
        }

        Map<String, Object> request = new HashMap<>();
        request.put("source", "RECORDED");
        request.put("from", day.toString());
        request.put("to", day.plusDays(1).toString());
        Api.Answer started = api.post("/api/v1/planning/runs", api.login("leader"), request);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        JsonNode run = RunPolling.awaitFinished(api, started.json().get("id").asLong(), "leader");
        assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("DONE");
        JsonNode result = run.get("result");
        assertThat(result.get("stream").get("calls").asInt()).isEqualTo(INCIDENTS);
        assertThat(result.get("stream").get("excluded").asInt()).isZero();
        assertThat(result.get("stream").get("capped").asBoolean()).isFalse();
        assertThat(result.get("recorded").get("incidents").asInt()).isEqualTo(INCIDENTS);

        // the same, directly: the incidents as the dispatch module hands them over, the plan on the plane
        List<RecordedIncident> incidents = records.incidentsReceived(start, start.plus(Duration.ofDays(1)), 1000)
                .incidents();
        assertThat(incidents).hasSize(INCIDENTS).allSatisfy(i -> assertThat(i.clearedAt()).isNotNull());
        UnitPlan plan = records.unitPlan();
        BlockPlane plane = BlockPlane.of(plan, properties.cellKm());
        List<Call> calls = direct(incidents, plane);
        int[] units = plan.blocks().stream().mapToInt(b -> run.get("request").get("unitsPerBlock").get(b.code()).asInt())
                .toArray();
        assertThat(Arrays.stream(units).sum()).isEqualTo(16);
        Deployment deployment = new Deployment(plane.cells(), units);
        StraightLineTravel emergency = new StraightLineTravel(1.3, 30);
        long seed = run.get("request").get("seed").asLong();
        int reserve = run.get("request").get("reservePerBlock").asInt();
        SimulationReport station = new DispatchSimulator(deployment, emergency,
                new PolicySettings(DispatchPolicy.STATION, 60, 60, 25), seed, reserve).run(calls);
        SimulationReport patrol = new DispatchSimulator(deployment, emergency,
                new PolicySettings(DispatchPolicy.PATROL, 60, 15, 15), seed, reserve).run(calls);

        assertSameFigures(result.get("station"), station);
        assertSameFigures(result.get("patrol"), patrol);
        assertThat(result.get("medianRatio").asDouble()).isCloseTo(
                patrol.responseMinutes().median() / station.responseMinutes().median(), within(1e-9));
        assertThat(result.get("blocks").valueStream().mapToInt(b -> b.get("calls").asInt()).sum()).isEqualTo(INCIDENTS);
    }

    /** Enters a call received at {@code at}, dispatches the best-ranked unit with a terminal account, which reports. */
    private void handle(String type, double lat, double lon, Instant at) {
        Map<String, Object> call = new HashMap<>();
        call.put("type", type);
        call.put("summary", "推演测试警情");
        call.put("lat", lat);
        call.put("lon", lon);
        call.put("receivedAt", at.toString());
        call.put("separate", true);
        Api.Answer entered = api.post("/api/v1/dispatch/incidents", api.login(DESK), call);
        assertThat(entered.status()).as(entered.body()).isEqualTo(200);
        String number = entered.json().get("incident").get("number").asString();
        String unit = entered.json().get("recommendation").get("ranked").valueStream()
                .map(r -> r.get("unitCode").asString()).filter(u -> u.startsWith("B1-") || u.startsWith("B2-"))
                .findFirst().orElseThrow(() -> new AssertionError("no unit of B1 or B2 free: " + entered.body()));
        assertThat(api.post("/api/v1/dispatch/incidents/" + number + "/dispatch", api.login(DESK), Map.of("unit", unit))
                .status()).isEqualTo(200);
        String terminal = api.login("unit-" + unit.toLowerCase());
        for (String action : List.of("EN_ROUTE", "ARRIVE", "CLEAR")) {
            Map<String, Object> report = new HashMap<>(Map.of("action", action, "lat", lat, "lon", lon));
            Api.Answer a = api.post("/api/v1/dispatch/terminal/status", terminal, report);
            assertThat(a.status()).as(action + " " + a.body()).isEqualTo(200);
        }
    }

    /** The calls, derived here from the incidents: seconds from the first, place on the plane, recorded on-scene time. */
    private static List<Call> direct(List<RecordedIncident> incidents, BlockPlane plane) {
        Instant first = incidents.get(0).receivedAt();
        return incidents.stream().map(i -> new Call(Duration.between(first, i.receivedAt()).toMillis() / 1000.0,
                plane.toPlane(i.lat(), i.lon()), i.priority(),
                Duration.between(i.firstOnsceneAt(), i.clearedAt()).toMillis() / 1000.0)).toList();
    }

    private static void assertSameFigures(JsonNode figures, SimulationReport r) {
        Summary response = r.responseMinutes();
        Summary travel = r.travelMinutes();
        assertThat(figures.get("response").get("median").asDouble()).isCloseTo(response.median(), within(1e-9));
        assertThat(figures.get("response").get("mean").asDouble()).isCloseTo(response.mean(), within(1e-9));
        assertThat(figures.get("response").get("p90").asDouble()).isCloseTo(response.p90(), within(1e-9));
        assertThat(figures.get("travel").get("median").asDouble()).isCloseTo(travel.median(), within(1e-9));
        assertThat(figures.get("travel").get("p90").asDouble()).isCloseTo(travel.p90(), within(1e-9));
        assertThat(figures.get("busyMean").asDouble()).isCloseTo(r.meanWorkload(), within(1e-9));
        assertThat(figures.get("busyMax").asDouble()).isCloseTo(r.maxWorkload(), within(1e-9));
        assertThat(figures.get("crossBlock").asDouble()).isCloseTo(r.crossBlockFraction(), within(1e-9));
        assertThat(figures.get("queued").asLong()).isEqualTo(r.queuedCalls());
        assertThat(figures.get("priority1Calls").asInt()).isEqualTo(r.responseMinutes(1).count());
        if (r.responseMinutes(1).count() > 0) {
            assertThat(figures.get("priority1Median").asDouble()).isCloseTo(r.responseMinutes(1).median(), within(1e-9));
        }
    }

    /** A day, long ago, that holds no incident yet (the database may be shared with earlier runs of this test). */
    private LocalDate emptyDay() {
        LocalDate day = LocalDate.of(2019, 3, 4);
        while (!records.incidentsReceived(day.atStartOfDay(DistrictTime.ZONE).toInstant(),
                day.plusDays(2).atStartOfDay(DistrictTime.ZONE).toInstant(), 1).incidents().isEmpty()) {
            day = day.plusDays(3);
        }
        return day;
    }
}
