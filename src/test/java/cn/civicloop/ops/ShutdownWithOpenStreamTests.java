package cn.civicloop.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.Environment;

import cn.civicloop.support.Api;
import cn.civicloop.support.Node;

/**
 * An application with a police terminal's order stream open stops at once: the open Server-Sent Events stream is
 * ended before the web server's graceful shutdown, which otherwise waited its full 30 s for it (and kept every
 * test JVM 30 s in its shutdown hook until surefire killed it).
 */
class ShutdownWithOpenStreamTests {

    /**
     * The graceful shutdown's limit on this node: a stream that held the shutdown up would keep it the whole limit,
     * an ended one lets it stop in seconds. The check's bound is half the limit, far from both: a machine slowed by
     * other builds cannot fail it (a fixed 10 s bound could), and a stream that holds the shutdown up still does.
     */
    private static final Duration SHUTDOWN_PHASE = Duration.ofMinutes(2);

    @Test
    void anOpenTerminalStreamDoesNotHoldUpTheShutdown() throws Exception {
        Node node = Node.start("shutdown-stream", Clock.systemUTC(), Node.with(Node.ownH2Database("shutdown-stream"),
                "--spring.lifecycle.timeout-per-shutdown-phase=" + SHUTDOWN_PHASE.toSeconds() + "s"));
        InputStream stream;
        try {
            int port = Integer.parseInt(node.bean(Environment.class).getProperty("local.server.port"));
            String token = new Api(port).login("unit-b1-1");
            HttpResponse<InputStream> open = HttpClient.newHttpClient().send(HttpRequest
                    .newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/dispatch/terminal/stream"))
                    .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(open.statusCode()).isEqualTo(200);
            assertThat(open.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            stream = open.body();
        } catch (RuntimeException | Error e) {
            node.close();
            throw e;
        }

        long started = System.nanoTime();
        node.close();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(took).as("shutdown with an open event stream, against a graceful phase of " + SHUTDOWN_PHASE)
                .isLessThan(SHUTDOWN_PHASE.dividedBy(2));
        // and the client sees its stream end (EventSource would reconnect to the next instance)
        CompletableFuture<Integer> drained = CompletableFuture.supplyAsync(() -> {
            try {
                return stream.readAllBytes().length;
            } catch (java.io.IOException e) {
                return -1; // reset by the stopping server: ended too
            }
        });
        assertThat(drained).as("the client's stream ends (end of stream or reset) after the shutdown")
                .succeedsWithin(Duration.ofSeconds(10));
    }
}
