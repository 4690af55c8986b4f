package cn.civicloop.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The hub's bookkeeping: who is subscribed, who is dropped, what ends at shutdown, and that its timer keeps going. */
class EventStreamsTests {

    private final EventStreams hub = new EventStreams();

    @AfterEach
    void close() {
        hub.destroy();
    }

    @Test
    void aChannelKnowsItsSubscribersAndDropsAStreamThatCannotTakeAnEvent() {
        EventStreams.Channel<String> units = hub.channel("units", Duration.ofMinutes(1));
        units.open("b1-1", "hello", "{}");
        SseEmitter gone = units.open("b1-2", "hello", "{}");
        assertThat(units.subscribers()).containsExactly("b1-1", "b1-2");

        gone.complete(); // the client went away: the next event cannot be written to it
        units.send(unit -> true, "order", "{}");

        assertThat(units.subscribers()).containsExactly("b1-1");
    }

    @Test
    void stoppingEndsTheStreamsOfEveryChannel() {
        hub.start();
        EventStreams.Channel<String> desks = hub.channel("desks", Duration.ofMinutes(1));
        EventStreams.Channel<Integer> lists = hub.channel("lists", Duration.ofMinutes(1));
        desks.open("desk", "hello", "{}");
        lists.open(7, "hello", "{}");
        assertThat(hub.isRunning()).isTrue();

        hub.stop();

        assertThat(hub.isRunning()).isFalse();
        assertThat(desks.size()).isZero();
        assertThat(lists.size()).isZero();
    }

    @Test
    void aFailingRunOfARepeatedTaskDoesNotStopTheNextRuns() throws InterruptedException {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch third = new CountDownLatch(3);
        hub.every(Duration.ofMillis(100), () -> {
            third.countDown();
            if (runs.incrementAndGet() == 1) {
                throw new IllegalStateException("first run fails");
            }
        });
        assertThat(third.await(10, TimeUnit.SECONDS)).as("three runs despite the failed first").isTrue();
    }
}
