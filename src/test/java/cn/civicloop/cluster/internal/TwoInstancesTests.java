package cn.civicloop.cluster.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.civicloop.cases.AppealKind;
import cn.civicloop.cases.CaseQueries;
import cn.civicloop.cases.CaseStatus;
import cn.civicloop.cases.Channel;
import cn.civicloop.cases.Urgency;
import cn.civicloop.cluster.ClusterSignals;
import cn.civicloop.directory.Actor;
import cn.civicloop.intake.AppealForm;
import cn.civicloop.intake.AppealIntake;
import cn.civicloop.support.Api;
import cn.civicloop.support.Node;

/**
 * Two instances on one database, requests alternating between them with no sticky sessions (issue #8).
 * <p>
 * Which database matters, and each test says what it checks on which: page sessions are rows (Spring Session
 * JDBC), so they are shared on H2 (two nodes of this JVM on one in-memory database) as on PostgreSQL. Live updates
 * cross instances only on PostgreSQL (LISTEN/NOTIFY); on H2 — one instance by definition — the signals are
 * delivered in process, and the test checks exactly that: the instance where the change happened pushes it, the
 * other does not. {@code .ci/run} runs the suite on both databases, so both branches run in CI.
 */
class TwoInstancesTests {

    /** For signals to arrive (positive waits only: they end as soon as the signal is seen). */
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static Node a;
    private static Node b;

    @BeforeAll
    static void start() {
        a = Node.start("two-a", Clock.systemUTC(), Node.ownH2Database("civicloop-two-instances"));
        b = Node.start("two-b", Clock.systemUTC(), Node.ownH2Database("civicloop-two-instances"));
    }

    @AfterAll
    static void stop() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    @Test
    void aPageSessionFromOneInstanceWorksOnTheOtherWithItsCsrfToken() {
        PageSession browser = new PageSession();
        browser.get(a.port(), "/login");
        String before = browser.sessionCookie();
        HttpResponse<String> login = browser.login(a.port(), "operator");
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error").doesNotContain("locked");
        assertThat(browser.sessionCookie()).as("session fixation protection: a new session id at login")
                .isNotNull().isNotEqualTo(before);

        String number = openCase(a);
        HttpResponse<String> page = browser.get(b.port(), "/workbench/cases/" + number);
        assertThat(page.statusCode()).as("the case page on the other instance").isEqualTo(200);
        assertThat(page.body()).contains(number);

        String csrf = PageSession.csrfOf(browser.get(a.port(), "/workbench/cases/" + number).body());
        assertThat(browser.post(b.port(), "/workbench/cases/" + number + "/actions/register", null, "comment=x")
                .statusCode()).as("a form POST without the CSRF token").isEqualTo(403);
        HttpResponse<String> registered = browser.post(b.port(), "/workbench/cases/" + number + "/actions/register",
                csrf, "comment=" + PageSession.enc("两个实例"));
        assertThat(registered.statusCode()).isEqualTo(302);
        assertThat(registered.headers().firstValue("Location").orElse("")).contains("/workbench/cases/" + number);
        assertThat(a.bean(CaseQueries.class).view(number, Actor.system()).status())
                .as("the action posted on B with A's token took effect").isNotEqualTo(CaseStatus.SUBMITTED);

        HttpResponse<String> logout = browser.post(b.port(), "/logout",
                PageSession.csrfOf(browser.get(b.port(), "/workbench/cases").body()), "");
        assertThat(logout.headers().firstValue("Location").orElse("")).contains("/login?logout");
        HttpResponse<String> after = browser.get(a.port(), "/workbench/cases");
        assertThat(after.statusCode()).as("logged out on B means logged out on A").isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElse("")).contains("/login");
    }

    @Test
    void aTimeLimitChangedOnOneInstanceIsUsedAtOnceByTheOther() {
        // Reference data is cached per instance (ReferenceCache.DEFAULT_TTL, 10 s); a change announces itself through
        // the cluster signals. What B reads tells signal from expiry only while B's copy is younger than that: when a
        // loaded machine took longer, the change is staged again with a new category (a fixed 3 s wait for the
        // signal, and a check on H2 that could come after the copy expired, failed on a slow machine).
        cn.civicloop.cases.internal.sla.TimeLimitPolicy onA = a.bean(cn.civicloop.cases.internal.sla.TimeLimitPolicy.class);
        cn.civicloop.cases.internal.sla.TimeLimitPolicy onB = b.bean(cn.civicloop.cases.internal.sla.TimeLimitPolicy.class);
        long ttl = cn.civicloop.shared.ReferenceCache.DEFAULT_TTL.toNanos();
        for (int attempt = 1; attempt <= 5; attempt++) {
            String category = "跨实例" + UUID.randomUUID().toString().substring(0, 8);
            cn.civicloop.cases.internal.sla.LimitKey key = new cn.civicloop.cases.internal.sla.LimitKey(category,
                    AppealKind.COMPLAINT, Urgency.NORMAL);
            long loaded = System.nanoTime();
            cn.civicloop.calendar.TimeLimit before = onB.limit(key, "HANDLE"); // B now holds the default in memory
            cn.civicloop.calendar.TimeLimit changed = new cn.civicloop.calendar.TimeLimit(before.amount() + 7,
                    cn.civicloop.calendar.LimitUnit.WORKING_DAYS);
            onA.save(new cn.civicloop.cases.internal.sla.TimeLimitPolicy.Rule(category, "NORMAL", "HANDLE",
                    changed.amount(), changed.unit()));
            assertThat(onA.limit(key, "HANDLE")).as("the instance that saved it").isEqualTo(changed);
            // each read of B counts only when it began while B's copy was still fresh
            while (System.nanoTime() - loaded < ttl) {
                cn.civicloop.calendar.TimeLimit onBNow = onB.limit(key, "HANDLE");
                if (Node.onPostgres() && onBNow.equals(changed)) {
                    return; // the signal reached B: it dropped its copy before the copy expired
                }
                if (!Node.onPostgres()) {
                    // H2 means one instance: the two nodes' signals stay in process, B keeps its copy until the TTL
                    assertThat(onBNow).isEqualTo(before);
                    return;
                }
                pause();
            }
        }
        throw new AssertionError(Node.onPostgres()
                ? "B did not use A's new limit before its cached copy expired, in 5 attempts"
                : "B's copy expired before it could be read, in 5 attempts");
    }

    private static void pause() {
        try {
            Thread.sleep(50); // polling interval, not the proof: the loop ends on the condition or the copy's age
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** How an administrator on instance A changes an account: deactivation, new roles, a password reset. */
    enum AccountChange { DEACTIVATE, CHANGE_ROLES, RESET_PASSWORD }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(AccountChange.class)
    void aChangedAccountLosesItsSessionsAndTokensOnEveryInstanceAtOnce(AccountChange change) {
        var admin = a.bean(cn.civicloop.directory.DirectoryAdministration.class);
        String username = "ended-" + UUID.randomUUID().toString().substring(0, 8);
        long centre = a.bean(cn.civicloop.directory.Directory.class).departmentByCode("ZX").orElseThrow().id();
        Actor secadmin = a.bean(cn.civicloop.directory.Directory.class).staffActor("secadmin").orElseThrow();
        var member = admin.createStaff(secadmin, new cn.civicloop.directory.DirectoryAdministration.NewStaff(username, "会话测试",
                "session-test-pass", centre, null, java.util.Set.of(cn.civicloop.directory.Role.OPERATOR)));

        PageSession browser = new PageSession();
        String csrf = PageSession.csrfOf(browser.get(a.port(), "/login").body());
        browser.post(a.port(), "/login", csrf, "username=" + username + "&password=session-test-pass");
        assertThat(browser.get(b.port(), "/workbench/cases").statusCode()).as("logged in, read on B").isEqualTo(200);
        Api apiOnB = new Api(b.port());
        String token = new Api(a.port()).post("/api/v1/auth/token", null,
                Map.of("username", username, "password", "session-test-pass")).text("token");
        assertThat(apiOnB.get("/api/v1/cases", token).status()).isEqualTo(200);

        switch (change) {
            case DEACTIVATE -> admin.updateStaff(secadmin, member.id(), new cn.civicloop.directory.DirectoryAdministration.StaffChange(
                    "会话测试", centre, null, false, member.roles()));
            case CHANGE_ROLES -> admin.updateStaff(secadmin, member.id(), new cn.civicloop.directory.DirectoryAdministration.StaffChange(
                    "会话测试", centre, null, true, java.util.Set.of(cn.civicloop.directory.Role.HANDLER)));
            case RESET_PASSWORD -> admin.changePassword(secadmin, member.id(), "reset-by-admin-1");
        }

        HttpResponse<String> after = browser.get(b.port(), "/workbench/cases");
        assertThat(after.statusCode()).as("the page session ended on B too").isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElse("")).contains("/login");
        assertThat(browser.get(a.port(), "/workbench/cases").statusCode()).as("and on A").isEqualTo(302);
        assertThat(apiOnB.get("/api/v1/cases", token).status()).as("the token ended").isEqualTo(401);
    }

    @Test
    void failedLoginsOnBothInstancesCountTowardsOneLockout() {
        String name = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        PageSession browser = new PageSession();
        for (int i = 0; i < 5; i++) {
            int port = i % 2 == 0 ? a.port() : b.port();
            String csrf = PageSession.csrfOf(browser.get(port, "/login").body());
            browser.post(port, "/login", csrf, "username=" + name + "&password=wrong");
        }
        for (Node node : List.of(a, b)) {
            String csrf = PageSession.csrfOf(browser.get(node.port(), "/login").body());
            HttpResponse<String> r = browser.post(node.port(), "/login", csrf, "username=" + name + "&password=wrong");
            assertThat(r.headers().firstValue("Location").orElse("")).as("locked on every instance")
                    .contains("/login?locked");
        }
    }

    @Test
    void aChangeOnOneInstanceReachesLiveClientsOnTheOther() throws Exception {
        ClusterSignals signals = b.bean(ClusterSignals.class);
        assertThat(signals.transport()).isEqualTo(Node.onPostgres() ? "postgresql-listen-notify" : "in-process");

        PageSession desk = new PageSession();
        assertThat(desk.login(a.port(), "police-desk").statusCode()).isEqualTo(302);
        PageSession leader = new PageSession();
        assertThat(leader.login(a.port(), "leader").statusCode()).isEqualTo(302);
        BlockingQueue<String> deskOnA = desk.stream(a.port(), "/dispatch/api/stream");
        BlockingQueue<String> deskOnB = desk.stream(b.port(), "/dispatch/api/stream");
        BlockingQueue<String> listOnA = leader.stream(a.port(), "/workbench/cases/stream");
        BlockingQueue<String> listOnB = leader.stream(b.port(), "/workbench/cases/stream");
        for (BlockingQueue<String> s : List.of(deskOnA, deskOnB, listOnA, listOnB)) {
            assertThat(awaitLine(s, "status:200", WAIT)).as("stream opened with the session from A").isTrue();
            assertThat(awaitEvent(s, "hello", WAIT)).isTrue();
        }

        // a dispatch change on A: the centre messages a unit (API, bearer token)
        Api api = new Api(a.port());
        Api.Answer sent = api.post("/api/v1/dispatch/units/B1-1/messages", api.login("police-desk"),
                Map.of("body", "两实例测试 " + UUID.randomUUID()));
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        // a case change on A: a new appeal
        openCase(a);

        assertThat(awaitEvent(deskOnA, "message", WAIT)).as("desk on the instance of the change").isTrue();
        assertThat(awaitEvent(listOnA, "changed", WAIT)).as("case list on the instance of the change").isTrue();
        if (Node.onPostgres()) {
            assertThat(awaitEvent(deskOnB, "message", WAIT)).as("desk on the other instance (LISTEN/NOTIFY)").isTrue();
            assertThat(awaitEvent(listOnB, "changed", WAIT)).as("case list on the other instance").isTrue();
        } else {
            // H2 serves one instance: signals stay in the JVM's instance that made the change
            assertThat(awaitEvent(deskOnB, "message", Duration.ofSeconds(2))).isFalse();
            assertThat(awaitEvent(listOnB, "changed", Duration.ofSeconds(1))).isFalse();
        }
    }

    @Test
    void theListenerReconnectsAfterItsConnectionIsKilledAndSubscribersRefresh() throws Exception {
        ClusterSignals onB = b.bean(ClusterSignals.class);
        List<String> heard = new CopyOnWriteArrayList<>();
        AtomicInteger gaps = new AtomicInteger();
        try (ClusterSignals.Subscription sub = onB.subscribe("probe", new ClusterSignals.Subscriber() {
            @Override
            public void onSignal(String payload) {
                heard.add(payload);
            }

            @Override
            public void onGap() {
                gaps.incrementAndGet();
            }
        })) {
            if (!Node.onPostgres()) {
                // H2: no listening connection exists; a signal reaches the subscribers of its own instance only
                assertThat(onB).isInstanceOf(InProcessSignals.class);
                onB.publish("probe", "local");
                Node.await(WAIT, "in-process delivery", () -> heard.contains("local"));
                // positive signals instead of a pause: A's own subscriber hears A's signal, then B hears a later
                // signal of its own; had A's signal crossed to B, it would have arrived by then
                List<String> heardOnA = new CopyOnWriteArrayList<>();
                try (ClusterSignals.Subscription onA = a.bean(ClusterSignals.class).subscribe("probe", heardOnA::add)) {
                    a.bean(ClusterSignals.class).publish("probe", "from-a");
                    Node.await(WAIT, "A hears its own signal", () -> heardOnA.contains("from-a"));
                }
                onB.publish("probe", "later-on-b");
                Node.await(WAIT, "B hears its later signal", () -> heard.contains("later-on-b"));
                assertThat(heard).doesNotContain("from-a");
                return;
            }
            PostgresSignals pg = (PostgresSignals) onB;
            Node.await(WAIT, "B listening", pg::listening);
            long reconnects = pg.reconnects();
            JdbcClient jdbc = a.bean(JdbcClient.class);
            int killed = jdbc.sql("select count(*) from (select pg_terminate_backend(pid) from pg_stat_activity "
                    + "where application_name = ?) k").param(pg.applicationName()).query(Integer.class).single();
            assertThat(killed).as("B's listening connection").isEqualTo(1);
            Node.await(WAIT, "B listening again", () -> pg.reconnects() > reconnects && pg.listening());
            Node.await(WAIT, "subscribers told about the gap", () -> gaps.get() >= 1);
            ClusterSignals onA = a.bean(ClusterSignals.class);
            onA.publish("probe", "after-reconnect");
            Node.await(WAIT, "a signal from A after the reconnect", () -> heard.contains("after-reconnect"));
            assertThat(jdbc.sql("select count(*) from pg_stat_activity where application_name = ?")
                    .param(pg.applicationName()).query(Integer.class).single()).isEqualTo(1);
        }
    }

    private static String openCase(Node node) {
        return node.bean(AppealIntake.class).submit(new AppealForm(Channel.WEBSITE, "two-" + UUID.randomUUID(),
                AppealKind.COMPLAINT, Urgency.NORMAL, null, "路灯不亮", "光明路小区门口的路灯连续三晚不亮", null, "光明路",
                null, false), List.of(), Actor.resident()).number();
    }

    private static boolean awaitEvent(BlockingQueue<String> lines, String kind, Duration timeout) throws InterruptedException {
        return awaitLine(lines, "event:" + kind, timeout);
    }

    private static boolean awaitLine(BlockingQueue<String> lines, String wanted, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            String line = lines.poll(left, TimeUnit.NANOSECONDS);
            if (line == null) {
                return false;
            }
            if (line.replace("event: ", "event:").strip().equals(wanted)) {
                return true;
            }
        }
    }
}
