package cn.civicloop.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import kafka.server.BrokerServer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import cn.civicloop.dispatch.DemoBlocks;
import cn.civicloop.support.Api;
import cn.civicloop.support.MutableClock;
import cn.civicloop.support.Node;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The domain events reach a real Kafka broker (Kafka's own KRaft broker, started in this JVM by spring-kafka-test)
 * and are read back with a plain consumer: a case submitted through the API and taken to its close, a 110 incident
 * dispatched and cleared, a whistle. Then the broker stops mid-run: the application keeps working, each send fails
 * and leaves its publication incomplete, and once the broker is back the resubmission of {@code ops} delivers every
 * one of them, each once; each key's events say the order they happened in ({@code occurredAt}).
 */
class KafkaExternalizationTests {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final List<String> TOPICS = List.of("civicloop.cases", "civicloop.incidents", "civicloop.whistles");
    private static final String EXTERNALIZER = "%KafkaSender%";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static EmbeddedKafkaKraftBroker broker;
    private static MutableClock clock;
    private static Node node;
    private static Api api;
    private static KafkaConsumer<String, String> consumer;
    /**
     * Every record read so far, once each by topic, partition and offset (after the broker's restart the consumer
     * may read again from the start: that is the test's reading twice, not the application sending twice).
     */
    private static final Map<String, ConsumerRecord<String, String>> received = new LinkedHashMap<>();

    @BeforeAll
    static void start() {
        broker = new EmbeddedKafkaKraftBroker(1, 1, TOPICS.toArray(String[]::new));
        broker.brokerListProperty("civicloop.test.kafka.brokers");
        broker.afterPropertiesSet();
        clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        node = Node.start("kafka", clock, Node.with(Node.ownDatabase("kafka_events"),
                "--civicloop.events.kafka.enabled=true",
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                // a broker that is down fails a send within seconds, not the production defaults' half minute
                "--spring.kafka.producer.properties.max.block.ms=3000",
                "--spring.kafka.producer.properties.request.timeout.ms=4000",
                "--spring.kafka.producer.properties.delivery.timeout.ms=8000",
                "--civicloop.events.resubmit-after=PT1M",
                "--civicloop.events.resubmit-check=PT0.2S"));
        api = new Api(node.port());
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumer = new KafkaConsumer<>(p);
        consumer.subscribe(TOPICS);
    }

    @AfterAll
    static void stop() {
        if (consumer != null) {
            consumer.close();
        }
        if (node != null) {
            node.close();
        }
        if (broker != null) {
            broker.destroy();
        }
        System.clearProperty("civicloop.test.kafka.brokers");
        System.clearProperty(EmbeddedKafkaKraftBroker.SPRING_EMBEDDED_KAFKA_BROKERS);
    }

    @Test
    void eachFamilyArrivesKeyedVersionedAndWithoutPersonalData() {
        String number = openAndAssign("广济路井盖缺失");
        handToClose(number);
        String incident = incidentDispatchedAndCleared("B1");
        String whistle = whistle();

        List<JsonNode> caseEvents = awaitTypes("civicloop.cases", number, "case.opened", "case.assigned",
                "case.replied", "case.closed");
        List<JsonNode> incidentEvents = awaitTypes("civicloop.incidents", incident, "incident.dispatched",
                "incident.cleared");
        List<JsonNode> whistleEvents = awaitTypes("civicloop.whistles", whistle, "whistle.blown");

        List<JsonNode> all = new ArrayList<>(caseEvents);
        all.addAll(incidentEvents);
        all.addAll(whistleEvents);
        all.forEach(EventSchemas::check);
        for (JsonNode e : all) {
            assertThat(e.get("schemaVersion").asInt()).isEqualTo(1);
            assertThat(OffsetDateTime.parse(e.get("occurredAt").asString()).getOffset().getTotalSeconds())
                    .as("district time").isEqualTo(8 * 3600);
        }
        String everything = all.toString();
        assertThat(everything).as("no resident, caller or staff data").doesNotContain("张三丰", "13812345678",
                "钱多多", "13955556666", "已更换", "测试地址", "actorStaffId", "dispatcher");
        assertThat(caseEvents.get(1).get("departmentCode").asString()).isEqualTo("ZFJ");
        assertThat(incidentEvents.get(0).get("first").asBoolean()).isTrue();
        assertThat(incidentEvents.get(1).get("units").asInt()).isEqualTo(1);
        assertThat(whistleEvents.get(0).get("departmentCodes").get(0).asString()).isEqualTo("JTJ");
        ConsumerRecord<String, String> opened = records("civicloop.cases", number).get(0);
        assertThat(new String(opened.headers().lastHeader("civicloop_event_type").value())).contains("case.opened");
        assertThat(new String(opened.headers().lastHeader("civicloop_schema_version").value())).contains("1");
        Node.await(WAIT, "every publication to Kafka completed", () -> incomplete() == 0);
        assertThat(node.bean("kafkaSendingExecutor", ThreadPoolTaskExecutor.class).getThreadPoolExecutor()
                .getCompletedTaskCount()).as("sent on the sender's own threads, not the listeners' executor")
                .isGreaterThanOrEqualTo(all.size());
    }

    @Test
    void whatHappensWhileTheBrokerIsDownArrivesOnceAfterItReturns() throws Exception {
        String number = openAndAssign("君山路路面塌陷");
        awaitTypes("civicloop.cases", number, "case.opened", "case.assigned");
        BrokerServer server = broker.getCluster().brokers().values().iterator().next();
        server.shutdown();
        String incident;
        String whistle;
        try {
            // the application does not wait for the broker: every command goes through while it is down
            handToClose(number);
            incident = incidentDispatchedAndCleared("B2");
            whistle = whistle();
            Node.await(WAIT, "five sends failed", () -> failed() == 5);
            assertThat(records("civicloop.cases", number)).hasSize(2);
        } finally {
            server.startup();
        }
        // older than civicloop.events.resubmit-after: resubmitted
        node.advanceWhenIdle(clock, "event-resubmission", Duration.ofMinutes(2));
        List<JsonNode> caseEvents = awaitTypes("civicloop.cases", number, "case.opened", "case.assigned",
                "case.replied", "case.closed");
        awaitTypes("civicloop.incidents", incident, "incident.dispatched", "incident.cleared");
        awaitTypes("civicloop.whistles", whistle, "whistle.blown");
        Node.await(WAIT, "every publication to Kafka completed", () -> incomplete() == 0);

        // a case opened after the outage arrives behind everything resubmitted; by then a second copy would be here
        String marker = openAndAssign("光明路路灯不亮");
        awaitTypes("civicloop.cases", marker, "case.opened", "case.assigned");
        Map<String, Long> copies = received.values().stream().map(r -> json(r.value()).get("eventId").asString())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(copies.values()).as("no event twice").allMatch(n -> n == 1);
        assertThat(caseEvents).extracting(e -> e.get("occurredAt").asString()).doesNotHaveDuplicates();
    }

    // --- what the test does through the API -------------------------------------------------------------------

    private static String openAndAssign(String title) {
        Map<String, Object> appeal = new HashMap<>();
        appeal.put("channel", "WEBSITE");
        appeal.put("externalRef", "K-" + UUID.randomUUID());
        appeal.put("kind", "COMPLAINT");
        appeal.put("title", title);
        appeal.put("content", title + "，已经持续一周，请尽快处理。");
        appeal.put("address", "市中区广济路与君山东路交叉口");
        appeal.put("contact", Map.of("name", "张三丰", "phone", "13812345678"));
        Api.Answer submitted = api.post("/api/v1/appeals", null, appeal);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String number = submitted.text("number");
        step("operator", number, "register", Map.of(), "REGISTERED");
        step("dispatcher", number, "assign", Map.of("departmentId", api.departmentId("ZFJ"), "note", "执法局"), "ASSIGNED");
        return number;
    }

    private static void handToClose(String number) {
        step("zfj", number, "sign", Map.of(), "IN_PROGRESS");
        step("zfj", number, "reply", Map.of("text", "已更换井盖"), "REPLIED");
        step("officer", number, "approve", Map.of(), "AWAITING_FOLLOW_UP");
        step("officer", number, "follow-up", Map.of("resolved", true, "satisfaction", "SATISFIED"), "AWAITING_FOLLOW_UP");
        step("officer", number, "close", Map.of(), "CLOSED");
    }

    /** Each step a second later, so the case's events differ in time as they would in life. */
    private static void step(String user, String number, String action, Map<String, Object> body, String status) {
        clock.advance(Duration.ofSeconds(1));
        api.ok(user, number, action, body, status);
    }

    private static String incidentDispatchedAndCleared(String block) {
        JsonNode b = DemoBlocks.block(api, block);
        double lat = b.get("postLat").asDouble();
        double lon = b.get("postLon").asDouble();
        Map<String, Object> call = new HashMap<>();
        call.put("type", "THEFT");
        call.put("summary", "电动车被盗 " + UUID.randomUUID());
        call.put("address", "测试地址");
        call.put("lat", lat);
        call.put("lon", lon);
        call.put("callerName", "钱多多");
        call.put("callerPhone", "13955556666");
        call.put("separate", true);
        Api.Answer entered = api.post("/api/v1/dispatch/incidents", api.login("police-desk"), call);
        assertThat(entered.status()).as(entered.body()).isEqualTo(200);
        String number = entered.json().get("incident").get("number").asString();
        String unit = entered.json().get("recommendation").get("ranked").get(0).get("unitCode").asString();
        clock.advance(Duration.ofSeconds(1));
        Api.Answer dispatched = api.post("/api/v1/dispatch/incidents/" + number + "/dispatch", api.login("police-desk"),
                Map.of("unit", unit));
        assertThat(dispatched.status()).as(dispatched.body()).isEqualTo(200);
        String terminal = api.login("unit-" + unit.toLowerCase());
        for (String action : List.of("ACKNOWLEDGE", "ARRIVE", "CLEAR")) {
            clock.advance(Duration.ofSeconds(1));
            Map<String, Object> report = new HashMap<>();
            report.put("action", action);
            report.put("lat", lat);
            report.put("lon", lon);
            Api.Answer a = api.post("/api/v1/dispatch/terminal/status", terminal, report);
            assertThat(a.status()).as(action + ": " + a.body()).isEqualTo(200);
        }
        return number;
    }

    private static String whistle() {
        Api.Answer a = api.post("/api/v1/roads/whistles", api.login("road2"), Map.of("title", "广济路护栏倒伏",
                "description", "护栏倒伏，需部门到场会商", "segmentCode", "R01-1", "departments", List.of("JTJ")));
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return "W" + a.json().get("id").asLong();
    }

    // --- what the test reads --------------------------------------------------------------------------------

    /**
     * Polls until the key's records on the topic are these types; returns their JSON in the order they happened
     * ({@code occurredAt}), which must be the order given. Kafka's own order of one key's records follows the commits
     * only as far as the sends do: after an outage the resubmitted sends run in parallel (docs/events.md).
     */
    private static List<JsonNode> awaitTypes(String topic, String key, String... types) {
        Node.await(WAIT, key + " on " + topic + ": " + List.of(types), () -> {
            consumer.poll(Duration.ofMillis(200))
                    .forEach(r -> received.putIfAbsent(r.topic() + "/" + r.partition() + "/" + r.offset(), r));
            return records(topic, key).size() >= types.length;
        });
        List<JsonNode> events = records(topic, key).stream().map(r -> json(r.value()))
                .sorted(Comparator.comparing(e -> OffsetDateTime.parse(e.get("occurredAt").asString())))
                .toList();
        assertThat(events.stream().map(e -> e.get("type").asString())).as(key).containsExactly(types);
        return events;
    }

    private static List<ConsumerRecord<String, String>> records(String topic, String key) {
        return received.values().stream().filter(r -> r.topic().equals(topic) && key.equals(r.key())).toList();
    }

    private static JsonNode json(String value) {
        return JSON.readTree(value);
    }

    private static long failed() {
        return node.bean(JdbcClient.class).sql("select count(*) from event_publication where listener_id like ? "
                + "and completion_date is null and status = 'FAILED'").param(EXTERNALIZER).query(Long.class).single();
    }

    private static long incomplete() {
        return node.bean(JdbcClient.class).sql("select count(*) from event_publication where listener_id like ? "
                + "and completion_date is null").param(EXTERNALIZER).query(Long.class).single();
    }
}
