package cn.civicloop.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.civicloop.notify.RecordingResidentChannel.Attempt;

/** Messages to residents: queued in the outbox with the case step, sent by the delivery task, retried, given up. */
class ResidentMessagesApiTests extends NotifyApiTest {

    @Autowired
    RecordingResidentChannel channel;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRegisteredAppealIsConfirmedToTheResidentThroughTheChannel() {
        String number = submit(appeal("小区路灯不亮")).text("number");
        ok(act("operator", number, "register", Map.of()));

        Attempt sent = await().atMost(PATIENCE).until(() -> channel.attemptsFor(number), a -> !a.isEmpty()).get(0);
        assertThat(sent.accepted()).isTrue();
        assertThat(sent.message().recipient()).isEqualTo("13812345678");
        assertThat(sent.message().channel()).isEqualTo("WEBSITE");
        assertThat(sent.message().text()).contains("已受理").contains(number).doesNotContain("张三丰");
        await().atMost(PATIENCE).until(() -> outbox(number).get(0).get("status"), "SENT"::equals);
        assertThat(outbox(number)).hasSize(1);
        assertThat(outbox(number).get(0)).containsEntry("kind", "REGISTER").containsEntry("channel", "recording");
    }

    @Test
    void internalStepsAndAppealsWithoutAPhoneSendNothing() {
        Map<String, Object> noPhone = appeal("匿名反映噪音");
        noPhone.put("contact", Map.of("name", "匿名"));
        String silent = submit(noPhone).text("number");
        ok(act("operator", silent, "register", Map.of()));
        String number = assigned("ZFJ", "垃圾清运不及时");
        ok(act("zfj", number, "sign", Map.of()));
        // the assignment is told, the signing (internal) is not; the phoneless case never gets a row
        await().atMost(PATIENCE).until(() -> outbox(number).stream().map(r -> r.get("kind")).toList(),
                kinds -> kinds.containsAll(List.of("REGISTER", "ASSIGN")));
        awaitLetter("zfj", number, "新工单待签收");
        assertThat(outbox(number)).hasSize(2);
        assertThat(outbox(silent)).isEmpty();
    }

    @Test
    void aFailingChannelIsRetriedWithGrowingPausesThenGivenUpWithoutTouchingTheCase() {
        Map<String, Object> unreachable = appeal("道路积水");
        unreachable.put("contact", Map.of("name", "李四", "phone", RecordingResidentChannel.UNREACHABLE));
        String number = submit(unreachable).text("number");
        ok(act("operator", number, "register", Map.of()));

        await().atMost(PATIENCE.multipliedBy(2)).until(() -> outbox(number).get(0).get("status"), "FAILED"::equals);
        Map<String, Object> row = outbox(number).get(0);
        assertThat(((Number) row.get("attempts")).intValue()).isEqualTo(4);
        assertThat((String) row.get("last_error")).contains("gateway rejected");

        List<Attempt> attempts = channel.attemptsFor(number);
        assertThat(attempts).hasSize(4).noneMatch(Attempt::accepted);
        assertThat(pause(attempts, 0)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(pause(attempts, 1)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(pause(attempts, 2)).isGreaterThanOrEqualTo(Duration.ofSeconds(4));

        // the case went on as if nothing happened
        ok(act("dispatcher", number, "assign", Map.of("departmentId", departmentId("ZFJ"))));
        assertThat(api.get("/api/v1/cases/" + number, api.login("operator")).text("status")).isEqualTo("ASSIGNED");
    }

    private static Duration pause(List<Attempt> attempts, int after) {
        return Duration.between(attempts.get(after).at(), attempts.get(after + 1).at());
    }

    private List<Map<String, Object>> outbox(String number) {
        return jdbc.sql("select kind, channel, status, attempts, last_error from notify_outbox where case_number = ? order by id")
                .param(number).query().listOfRows();
    }
}
