package cn.civicloop.cluster.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import cn.civicloop.cluster.ClusterSignals;
import cn.civicloop.support.Node;

/** The contract every transport keeps: small signals only, in publishing order, to the topic's subscribers only. */
class InProcessSignalsTests {

    /** Generous for a loaded machine: the waits end as soon as the signals are seen. */
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void signalsArriveInOrderAtTheirTopicsSubscribersOnly() {
        try (InProcessSignals signals = new InProcessSignals()) {
            List<String> cases = new CopyOnWriteArrayList<>();
            List<String> dispatch = new CopyOnWriteArrayList<>();
            signals.subscribe("cases", cases::add);
            ClusterSignals.Subscription sub = signals.subscribe("dispatch", dispatch::add);
            for (int i = 0; i < 100; i++) {
                signals.publish("cases", "c" + i);
            }
            signals.publish("dispatch", "d1");
            Node.await(WAIT, "100 signals", () -> cases.size() == 100 && dispatch.size() == 1);
            assertThat(cases).startsWith("c0", "c1", "c2").endsWith("c99");
            assertThat(dispatch).containsExactly("d1");
            sub.close();
            signals.publish("dispatch", "d2");
            signals.publish("cases", "last");
            Node.await(WAIT, "last", () -> cases.contains("last"));
            assertThat(dispatch).containsExactly("d1");
        }
    }

    @Test
    void aSignalTooBigForNotifyOrABadTopicIsRefused() {
        try (InProcessSignals signals = new InProcessSignals()) {
            assertThatThrownBy(() -> signals.publish("cases", "字".repeat(2_400))) // 7,200 bytes in UTF-8
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("7000");
            assertThatThrownBy(() -> signals.publish("Cases; drop", "x")).isInstanceOf(IllegalArgumentException.class);
            signals.publish("cases", "字".repeat(2_300)); // 6,900 bytes: fine
        }
    }

    @Test
    void aFailingSubscriberDoesNotStopTheOthers() {
        try (InProcessSignals signals = new InProcessSignals()) {
            List<String> heard = new CopyOnWriteArrayList<>();
            signals.subscribe("cases", p -> {
                throw new IllegalStateException("boom");
            });
            signals.subscribe("cases", heard::add);
            signals.publish("cases", "x");
            Node.await(WAIT, "the second subscriber", () -> heard.contains("x"));
        }
    }
}
