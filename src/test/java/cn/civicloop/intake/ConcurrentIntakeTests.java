package cn.civicloop.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

import cn.civicloop.cases.AppealKind;
import cn.civicloop.cases.Channel;
import cn.civicloop.cases.Urgency;
import cn.civicloop.directory.Actor;
import cn.civicloop.support.MutableClock;
import cn.civicloop.support.Node;

/**
 * Regression for issue #8: an intake must not wait for another intake's commit. The first case-number scheme
 * locked the day's counter row until the intake transaction ended, so all submissions of a day ran one at a time.
 */
class ConcurrentIntakeTests {

    @Test
    void anIntakeCompletesWhileAnotherIntakeTransactionIsStillOpen() throws Exception {
        try (Node node = Node.start("concurrent-intake", new MutableClock(Instant.now()))) {
            AppealIntake intake = node.bean(AppealIntake.class);
            TransactionTemplate tx = node.bean(TransactionTemplate.class);
            CountDownLatch firstOpened = new CountDownLatch(1);
            CountDownLatch secondDone = new CountDownLatch(1);
            CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> tx.execute(status -> {
                String number = intake.submit(form("先到的诉求"), List.of(), Actor.resident()).number();
                firstOpened.countDown();
                try {
                    // Hold the first intake's transaction open until the second one has finished.
                    secondDone.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return number;
            }));
            assertThat(firstOpened.await(60, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<String> second = CompletableFuture.supplyAsync(
                    () -> intake.submit(form("后到的诉求"), List.of(), Actor.resident()).number());
            String secondNumber = second.get(60, TimeUnit.SECONDS); // blocked on the counter row before the fix
            secondDone.countDown();
            String firstNumber = first.get(60, TimeUnit.SECONDS);
            assertThat(secondNumber).isNotEqualTo(firstNumber).startsWith("SZ-");
        }
    }

    private static AppealForm form(String title) {
        return new AppealForm(Channel.WECHAT, "concurrent-" + UUID.randomUUID(), AppealKind.COMPLAINT, Urgency.NORMAL,
                null, title, title + "：人民路公交站台的雨棚破损漏雨", null, "人民路", null, false);
    }
}
