package cn.civicloop.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import cn.civicloop.support.Api;
import cn.civicloop.support.OwnDatabaseApiTest;

/** The same channel + external reference never opens a second case, also when the submissions race. */
class IdempotentIntakeApiTests extends OwnDatabaseApiTest {

    // On a database of its own (OwnDatabaseApiTest): case numbers come in blocks per application, and another test
    // application holding the next block would put a gap between this one's numbers that no replay caused.

    @Test
    void aReplayedSubmissionGetsNumberAndStatusButNeverTheToken() {
        Map<String, Object> appeal = appeal("网站留言：广济路路灯不亮");
        Api.Answer first = submit(appeal);
        Api.Answer again = submit(appeal);
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.text("trackingToken")).isNotBlank();
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("number")).isEqualTo(first.text("number"));
        assertThat(again.text("status")).isEqualTo("SUBMITTED");
        // whoever repeats channel, reference, title, content and phone must not learn the code to read the case
        assertThat(again.text("trackingToken")).isNull();
        assertThat(again.json().get("created").asBoolean()).isFalse();
        assertThat(api.get("/api/v1/public/cases/" + first.text("number"), null,
                Map.of("X-Tracking-Token", first.text("trackingToken"))).status()).isEqualTo(200);
    }

    @Test
    void aDifferentTextUnderAKnownReferenceGetsTheCaseButNotItsToken() {
        Map<String, Object> appeal = appeal("原始诉求");
        Api.Answer first = submit(appeal);
        appeal.put("content", "另一段内容，试图拿到别人的查询码");
        Api.Answer other = submit(appeal);
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.text("number")).isEqualTo(first.text("number"));
        assertThat(other.text("trackingToken")).isNull();
    }

    @Test
    void theSameReferenceOnAnotherChannelIsAnotherCase() {
        Map<String, Object> appeal = appeal("同号不同渠道");
        Api.Answer web = submit(appeal);
        appeal.put("channel", "WECHAT");
        Api.Answer wechat = submit(appeal);
        assertThat(wechat.status()).isEqualTo(201);
        assertThat(wechat.text("number")).isNotEqualTo(web.text("number"));
    }

    @Test
    void concurrentSubmissionsOfOneReferenceOpenExactlyOneCase() throws Exception {
        int clients = 12;
        String title = "并发提交同一诉求 " + UUID.randomUUID(); // its own title: the database may hold earlier runs' cases
        Map<String, Object> appeal = appeal(title);
        appeal.put("externalRef", "RACE-" + UUID.randomUUID());
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Api.Answer>> answers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                Callable<Api.Answer> call = () -> {
                    start.await();
                    return submit(appeal);
                };
                answers.add(pool.submit(call));
            }
            start.countDown();
            Set<String> numbers = new HashSet<>();
            int created = 0;
            for (Future<Api.Answer> f : answers) {
                Api.Answer a = f.get();
                assertThat(a.status()).as(a.body()).isIn(200, 201);
                numbers.add(a.text("number"));
                created += a.status() == 201 ? 1 : 0;
            }
            assertThat(numbers).hasSize(1);
            assertThat(created).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        String operator = api.login("operator");
        long listed = api.get("/api/v1/cases?q=" + java.net.URLEncoder.encode(title,
                java.nio.charset.StandardCharsets.UTF_8) + "&size=100", operator).json().get("total").asLong();
        assertThat(listed).as("one case for the concurrent submissions").isEqualTo(1);
    }

    @Test
    void concurrentReplaysOpenOneCaseTellOnlyTheFirstTheTokenAndBurnNoNumber() throws Exception {
        int clients = 10;
        long before = sequence(submit(appeal("重放之前的诉求")).text("number"));
        Map<String, Object> appeal = appeal("并发重放同一提交");
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch start = new CountDownLatch(1);
        List<Api.Answer> all = new ArrayList<>();
        try {
            List<Future<Api.Answer>> answers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                answers.add(pool.submit(() -> {
                    ready.countDown();
                    start.await();
                    return submit(appeal);
                }));
            }
            assertThat(ready.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            start.countDown();
            for (Future<Api.Answer> f : answers) {
                all.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        List<Api.Answer> created = all.stream().filter(a -> a.status() == 201).toList();
        assertThat(created).hasSize(1);
        assertThat(created.get(0).text("trackingToken")).isNotBlank();
        String number = created.get(0).text("number");
        for (Api.Answer a : all) {
            assertThat(a.status()).as(a.body()).isIn(200, 201);
            assertThat(a.text("number")).isEqualTo(number);
            if (a.status() == 200) {
                assertThat(a.text("trackingToken")).as("a replay never carries the token").isNull();
            }
        }
        // the replays that lost the race gave their numbers back: the one case and the next nine leave no gap
        List<Long> used = new ArrayList<>(List.of(sequence(number)));
        for (int i = 1; i < clients; i++) {
            used.add(sequence(submit(appeal("重放之后的新诉求 " + i)).text("number")));
        }
        assertThat(used).containsExactlyInAnyOrderElementsOf(
                java.util.stream.LongStream.rangeClosed(before + 1, before + clients).boxed().toList());
    }

    private static long sequence(String number) {
        return Long.parseLong(number.substring(number.lastIndexOf('-') + 1));
    }

    @Test
    void caseNumbersAreUniqueUnderConcurrentIntake() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Api.Answer>> answers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                answers.add(pool.submit(() -> submit(appeal("并发编号 " + n))));
            }
            Set<String> numbers = new HashSet<>();
            for (Future<Api.Answer> f : answers) {
                Api.Answer a = f.get();
                assertThat(a.status()).as(a.body()).isEqualTo(201);
                numbers.add(a.text("number"));
            }
            assertThat(numbers).hasSize(40);
        } finally {
            pool.shutdownNow();
        }
    }
}
