package cn.civicloop.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import cn.civicloop.support.Api;
import cn.civicloop.support.MutableClock;
import cn.civicloop.support.Node;
import tools.jackson.databind.JsonNode;

/**
 * Webhooks to a receiver served by the test itself, on a clock the test moves (no sleeps): a receiver that is down
 * gets the retries with their back-off, then the deliveries become dead letters the administrator sees and replays,
 * and nothing is lost; a receiver that answers too slowly is a timed-out attempt while the application keeps
 * answering; every body's signature verifies with the webhook secret. Also a key and a token that ran out of time.
 * The node runs on a database of this class's own: moving the clock fires no other class's timers.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PartnerWebhookTests {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static MutableClock clock;
    private static Node node;
    private static Api api;
    private static HttpServer receiver;
    /** What each path of the receiver answers: 200, 503, or 0 = hold the answer until {@link #release} opens. */
    private static final Map<String, Integer> MODE = new ConcurrentHashMap<>();
    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private static volatile CountDownLatch release = new CountDownLatch(0);

    record Received(String path, Instant at, int answered, String event, String delivery, String timestamp,
            String signature, String body) {
    }

    @BeforeAll
    static void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(Executors.newCachedThreadPool());
        receiver.createContext("/", PartnerWebhookTests::receive);
        receiver.start();
        clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        node = Node.start("partner", clock, Node.with(Node.ownDatabase("partner_webhooks"),
                "--civicloop.partner.webhook.poll-interval=PT1S", "--civicloop.partner.webhook.backoff=PT1M,PT5M,PT30M",
                "--civicloop.partner.webhook.max-attempts=4", "--civicloop.partner.webhook.read-timeout=PT3S",
                "--civicloop.partner.webhook.pool-size=2", "--civicloop.partner.key-validity=PT3H"));
        api = new Api(node.port());
    }

    @AfterAll
    static void stop() {
        release.countDown();
        node.close();
        receiver.stop(0);
    }

    private static void receive(HttpExchange exchange) throws IOException {
        Instant arrived = clock.instant();
        String path = exchange.getRequestURI().getPath();
        byte[] body = exchange.getRequestBody().readAllBytes();
        int mode = MODE.getOrDefault(path, 200);
        if (mode == 0) {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            mode = 200;
        }
        var h = exchange.getRequestHeaders();
        RECEIVED.add(new Received(path, arrived, mode, h.getFirst("X-CivicLoop-Event"),
                h.getFirst("X-CivicLoop-Delivery"), h.getFirst("X-CivicLoop-Timestamp"),
                h.getFirst("X-CivicLoop-Signature"), new String(body, StandardCharsets.UTF_8)));
        exchange.sendResponseHeaders(mode, -1);
        exchange.close();
    }

    @Test
    @Order(1)
    void aReceiverDownGetsTheRetriesThenDeadLettersWhichAReplayDeliversWithNothingLost() {
        Client picc = client("INS-PICC", "/picc");
        MODE.put("/picc", 503);
        String number = assignedTo("INS-PICC");
        Api.Answer signed = api.post("/api/v1/partner/cases/" + number + "/sign", picc.token(), Map.of());
        assertThat(signed.status()).as(signed.body()).isEqualTo(200);

        List<JsonNode> deliveries = tickUntil("both events are dead letters", () -> {
            List<JsonNode> d = deliveries(picc);
            return d.size() == 2 && d.stream().allMatch(x -> x.get("status").asString().equals("DEAD")) ? d : null;
        }, true);
        assertThat(deliveries).extracting(d -> d.get("eventType").asString())
                .containsExactlyInAnyOrder("case.assigned", "case.changed");
        assertThat(deliveries).allSatisfy(d -> assertThat(d.get("attempts").asInt()).isEqualTo(4));
        for (JsonNode d : deliveries) {
            List<Instant> attempts = RECEIVED.stream().filter(r -> r.delivery().equals(d.get("eventId").asString()))
                    .map(Received::at).toList();
            assertThat(attempts).hasSize(4);
            List<Duration> backoff = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30));
            for (int i = 0; i < 3; i++) {
                Duration gap = Duration.between(attempts.get(i), attempts.get(i + 1));
                assertThat(gap).as("pause after attempt " + (i + 1)).isBetween(backoff.get(i), backoff.get(i).plusSeconds(30));
            }
        }
        String admin = api.login("admin");
        List<String> dead = new ArrayList<>();
        api.get("/api/v1/admin/partner/dead-letters", admin).json().forEach(d -> dead.add(d.get("eventId").asString()));
        assertThat(dead).containsAll(deliveries.stream().map(d -> d.get("eventId").asString()).toList());

        MODE.put("/picc", 200);
        for (JsonNode d : deliveries) {
            Api.Answer replayed = api.post("/api/v1/admin/partner/dead-letters/" + d.get("id").asLong() + "/replay",
                    admin, Map.of());
            assertThat(replayed.status()).as(replayed.body()).isEqualTo(200);
        }
        tickUntil("both replayed deliveries arrived", () -> deliveries(picc).stream()
                .allMatch(x -> x.get("status").asString().equals("DELIVERED")) ? true : null, false);
        for (JsonNode d : deliveries) {
            List<Received> ok = RECEIVED.stream().filter(r -> r.delivery().equals(d.get("eventId").asString())
                    && r.answered() == 200).toList();
            assertThat(ok).as("delivered once after the replay").hasSize(1);
            Received r = ok.get(0);
            assertThat(r.signature()).isEqualTo("v1=" + hmac(picc.webhookSecret(), r.timestamp() + "." + r.body()));
            assertThat(r.signature()).isNotEqualTo("v1=" + hmac("another-secret", r.timestamp() + "." + r.body()));
            JsonNode body = Api.json().readTree(r.body());
            assertThat(body.get("id").asString()).isEqualTo(d.get("eventId").asString());
            assertThat(body.get("case").get("number").asString()).isEqualTo(number);
            assertThat(r.body()).doesNotContain("13812345678").doesNotContain("张三丰");
        }
        Api.Answer again = api.post("/api/v1/admin/partner/dead-letters/" + deliveries.get(0).get("id").asLong()
                + "/replay", admin, Map.of());
        assertThat(again.status()).as("a delivered one is no dead letter").isEqualTo(422);
    }

    @Test
    @Order(2)
    void aSlowReceiverIsATimedOutAttemptAndTheApplicationKeepsAnswering() {
        Client pa = client("INS-PA", "/pa");
        MODE.put("/pa", 0);
        release = new CountDownLatch(1);
        try {
            String number = assignedTo("INS-PA");
            JsonNode failed = tickUntil("the first attempt timed out", () -> deliveries(pa).stream()
                    .filter(d -> d.get("lastError") != null && !d.get("lastError").isNull()).findFirst().orElse(null), false);
            assertThat(failed.get("lastError").asString()).containsIgnoringCase("timed out");
            assertThat(failed.get("status").asString()).isEqualTo("PENDING");
            // the receiver still holds the connection: the application answers all the same
            Api.Answer read = api.get("/api/v1/partner/cases/" + number, pa.token());
            assertThat(read.status()).as(read.body()).isEqualTo(200);
            assertThat(api.get("/api/v1/cases/" + number, api.login("operator")).status()).isEqualTo(200);
        } finally {
            release.countDown();
        }
        MODE.put("/pa", 200);
        tickUntil("the retry arrived", () -> deliveries(pa).stream()
                .allMatch(d -> d.get("status").asString().equals("DELIVERED")) ? true : null, true);
    }

    @Test
    @Order(3)
    void aTokenAndAKeyRunOutWithTheClock() {
        Client picc = client("INS-PICC", "/picc-2");
        assertThat(api.get("/api/v1/partner/cases", picc.token()).status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(16));
        assertThat(api.get("/api/v1/partner/cases", picc.token()).status()).as("a token of 15 minutes").isEqualTo(401);
        assertThat(exchange(picc).status()).isEqualTo(200);
        clock.advance(Duration.ofHours(3));
        api.forgetOwnTokens();
        Api.Answer expired = exchange(picc);
        assertThat(expired.status()).as("a key of 3 hours").isEqualTo(401);
        assertThat(expired.contentType()).startsWith("application/problem+json");
    }

    // --- helpers ---

    record Client(long id, String clientId, String secret, String token, String webhookSecret) {
    }

    private Client client(String agency, String path) {
        String admin = api.login("admin");
        Api.Answer created = api.post("/api/v1/admin/partner/clients", admin, Map.of("departmentId",
                api.departmentId(agency), "name", "推送测试-" + UUID.randomUUID().toString().substring(0, 8)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("client").get("id").asLong();
        Api.Answer hook = api.put("/api/v1/admin/partner/clients/" + id + "/webhook", admin,
                Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + path));
        assertThat(hook.status()).as(hook.body()).isEqualTo(200);
        Client c = new Client(id, created.text("clientId"), created.text("secret"), null, hook.text("secret"));
        Api.Answer token = exchange(c);
        assertThat(token.status()).as(token.body()).isEqualTo(200);
        return new Client(id, c.clientId(), c.secret(), token.text("access_token"), c.webhookSecret());
    }

    private Api.Answer exchange(Client c) {
        String basic = Base64.getEncoder().encodeToString((c.clientId() + ":" + c.secret()).getBytes(StandardCharsets.UTF_8));
        return api.postRaw("/api/v1/partner/token", null, "application/x-www-form-urlencoded",
                "grant_type=client_credentials".getBytes(StandardCharsets.UTF_8), Map.of("Authorization", "Basic " + basic));
    }

    private String assignedTo(String agency) {
        Map<String, Object> appeal = new HashMap<>(Map.of("channel", "WEBSITE", "externalRef", "T-" + UUID.randomUUID(),
                "kind", "COMPLAINT", "title", "车辆剐蹭待理赔", "content", "两车剐蹭，无人受伤，等待保险公司处理。",
                "address", "市中区光明路", "contact", Map.of("name", "张三丰", "phone", "13812345678")));
        return cn.civicloop.support.CaseSteps.assignedTo(api, agency, appeal);
    }

    private List<JsonNode> deliveries(Client c) {
        List<JsonNode> out = new ArrayList<>();
        api.get("/api/v1/admin/partner/clients/" + c.id() + "/deliveries", api.login("admin")).json().forEach(out::add);
        return out;
    }

    /**
     * Moves the clock until {@code probe} answers non-null: by a second at a time (the outbox is looked at every
     * second of the clock), or, with {@code jump}, straight to the next due attempt when nothing is due before it.
     */
    private <T> T tickUntil(String what, java.util.function.Supplier<T> probe, boolean jump) {
        Instant end = Instant.now().plus(WAIT);
        while (true) {
            T found = probe.get();
            if (found != null) {
                return found;
            }
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            if (jump) {
                jumpToNextAttempt();
            }
            clock.advance(Duration.ofSeconds(1));
            pause();
        }
    }

    /**
     * When no attempt is under way or due, the clock goes to the earliest next attempt (never while one is under way:
     * its failure would count its pause from the moved clock).
     */
    private void jumpToNextAttempt() {
        List<JsonNode> all = new ArrayList<>();
        String admin = api.login("admin");
        api.get("/api/v1/admin/partner/clients", admin).json().forEach(c -> api.get("/api/v1/admin/partner/clients/"
                + c.get("id").asLong() + "/deliveries", admin).json().forEach(all::add));
        if (all.stream().anyMatch(d -> d.get("status").asString().equals("SENDING"))) {
            return;
        }
        List<Instant> next = all.stream().filter(d -> d.get("status").asString().equals("PENDING"))
                .map(d -> Instant.parse(d.get("nextAttemptAt").asString())).toList();
        if (next.stream().noneMatch(t -> !t.isAfter(clock.instant()))) {
            next.stream().min(Instant::compareTo).ifPresent(clock::set);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100); // lets the scheduler poll (every 100 ms) between moves of the clock; never a proof
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String hmac(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
