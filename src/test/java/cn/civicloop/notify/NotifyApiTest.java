package cn.civicloop.notify;

import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

import cn.civicloop.support.Api;
import cn.civicloop.support.ApiTest;
import cn.civicloop.support.CaseSteps;
import cn.civicloop.support.OwnH2Database;
import tools.jackson.databind.JsonNode;

/**
 * Base of the notification tests: one shared context (keep the properties identical in every subclass) with a
 * recording resident channel and a fast delivery task. Listeners run after commit on another thread, so every
 * check waits with a bounded poll.
 * <p>
 * The context has a database of its own on H2 and on PostgreSQL ({@link Database}). The delivery task is one
 * recurring row in {@code scheduled_tasks}, run by whichever scheduler polls first: in a shared database every other
 * cached context (paused or not, each runs its db-scheduler) took it in turn and put it off by its own 10 s
 * interval, and a node whose clock a test had moved put it off by the clock's lead (minutes).
 */
@TestPropertySource(properties = {
        "civicloop.notify.resident-channel=" + RecordingResidentChannel.NAME,
        "civicloop.notify.delivery-interval=500ms",
        "civicloop.notify.retry-backoff=1s,2s,4s",
        "civicloop.notify.max-attempts=4",
        "db-scheduler.polling-interval=500ms",
        // no notification test looks an address up: the demo gazetteer would cost seconds at the context's start
        "civicloop.places.seed-demo=false"})
@ContextConfiguration(initializers = NotifyApiTest.Database.class)
@Import(NotifyApiTest.Channels.class)
abstract class NotifyApiTest extends ApiTest {

    /** Long enough for a slow CI machine; a delivery normally comes within a second. */
    static final Duration PATIENCE = Duration.ofSeconds(30);

    /** The notification tests' own database, so that only their scheduler runs the delivery task. */
    static class Database extends OwnH2Database {
        @Override
        protected String name() {
            return "civicloop-notify";
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Channels {
        @Bean
        RecordingResidentChannel recordingResidentChannel(Clock clock) {
            return new RecordingResidentChannel(clock);
        }
    }

    /** A case registered by the operator and assigned by the dispatcher to the department {@code code}. */
    protected String assigned(String code, String title) {
        return CaseSteps.assignedTo(api, code, appeal(title));
    }

    protected static void ok(Api.Answer answer) {
        CaseSteps.ok(answer);
    }

    /** The letters about {@code number} in {@code user}'s inbox. */
    protected List<JsonNode> letters(String user, String number) {
        JsonNode page = api.get("/api/v1/inbox?size=100", api.login(user)).json();
        return StreamSupport.stream(page.get("items").spliterator(), false)
                .filter(item -> item.get("caseNumber").asString().equals(number)).toList();
    }

    /** Waits until {@code user} has a letter titled {@code title} about {@code number}, and returns it. */
    protected JsonNode awaitLetter(String user, String number, String title) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(() -> letters(user, number).stream()
                        .filter(l -> l.get("title").asString().equals(title)).findFirst().orElse(null),
                        letter -> letter != null);
    }
}
