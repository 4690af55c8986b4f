package cn.civicloop.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class RetryPolicyTests {

    @Test
    void pausesGrowThenTheMessageIsGivenUp() {
        RetryPolicy policy = new RetryPolicy(List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30)), 4);
        assertThat(policy.pauseAfter(1)).contains(Duration.ofMinutes(1));
        assertThat(policy.pauseAfter(2)).contains(Duration.ofMinutes(5));
        assertThat(policy.pauseAfter(3)).contains(Duration.ofMinutes(30));
        assertThat(policy.pauseAfter(4)).isEmpty();
    }

    @Test
    void theLastPauseRepeatsWhenMoreAttemptsAreAllowed() {
        RetryPolicy policy = new RetryPolicy(List.of(Duration.ofMinutes(1), Duration.ofMinutes(5)), 5);
        assertThat(policy.pauseAfter(3)).contains(Duration.ofMinutes(5));
        assertThat(policy.pauseAfter(4)).contains(Duration.ofMinutes(5));
        assertThat(policy.pauseAfter(5)).isEmpty();
    }
}
