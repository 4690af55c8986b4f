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
        assertThat(recipient(number)).as("sent: the sealed recipient forgotten, its hash kept (ADR 0067)")
                .containsEntry("recipient", null).extractingByKey("recipient_hash").isNotNull();
        cn.civicloop.support.Api.Answer held = api.post("/api/v1/personal-data/lookup", api.login("operator"),
                Map.of("phone", "13812345678"));
        assertThat(held.status()).as(held.body()).isEqualTo(200);
        assertThat(held.json().get("records").valueStream()
                .filter(r -> "notify_outbox".equals(r.get("source").asString())
                        && number.equals(r.get("reference").asString())).toList())
                .as("what is held under the phone still lists the sent message, found by its hash").singleElement()
                .satisfies(r -> assertThat(r.get("fields").toString()).contains("已受理").doesNotContain("recipient"));
    }

    @Test
    void everyReporterOfAMergedDuplicateIsToldFollowsTheCaseItJoinedAndIsAskedAtFollowUp() {
        cn.civicloop.support.Api.Answer first = submit(appeal("君山东路井盖松动"));
        Map<String, Object> second = appeal("君山东路井盖一踩就晃");
        second.put("channel", "WECHAT");
        second.put("contact", Map.of("name", "李四", "phone", "13900002222"));
        cn.civicloop.support.Api.Answer dup = submit(second);
        String number = first.text("number");
        String dupNumber = dup.text("number");
        Map<String, String> ownCode = Map.of("X-Tracking-Token", dup.text("trackingToken"));
        Map<String, String> firstCode = Map.of("X-Tracking-Token", first.text("trackingToken"));
        ok(act("operator", number, "register", Map.of()));
        ok(act("dispatcher", number, "assign", Map.of("departmentId", departmentId("ZFJ"))));
        ok(act("operator", dupNumber, "merge", Map.of("intoNumber", number)));

        // he is told which case his joined
        Attempt told = await().atMost(PATIENCE).until(() -> channel.attemptsFor(dupNumber), a -> !a.isEmpty()).get(0);
        assertThat(told.message().recipient()).isEqualTo("13900002222");
        assertThat(told.message().text()).contains(dupNumber).contains(number);

        // with his own number and code he follows the case it joined, under either number
        var mine = api.get("/api/v1/public/cases/" + dupNumber, null, ownCode);
        assertThat(mine.status()).as(mine.body()).isEqualTo(200);
        assertThat(mine.text("number")).isEqualTo(dupNumber);
        assertThat(mine.text("mergedInto")).isEqualTo(number);
        assertThat(mine.text("status")).isEqualTo("ASSIGNED");
        assertThat(mine.text("departmentName")).isEqualTo("区综合行政执法局");
        assertThat(api.get("/api/v1/public/cases/" + number, null, ownCode).text("mergedInto")).isEqualTo(number);
        assertThat(api.get("/api/v1/public/cases/" + number, null, Map.of("X-Tracking-Token", "wrong")).status())
                .isEqualTo(404);

        ok(act("zfj", number, "sign", Map.of()));
        ok(act("zfj", number, "reply", Map.of("text", "井盖已更换加固")));
        ok(act("officer", number, "approve", Map.of()));
        // its public messages reach every reporter, and each is asked at follow-up
        await().atMost(PATIENCE).until(() -> channel.attemptsFor(number).stream()
                .filter(a -> a.message().text().contains("请留意回访")).map(a -> a.message().recipient()).toList(),
                to -> to.containsAll(List.of("13812345678", "13900002222")));
        var dupAnswer = api.post("/api/v1/public/cases/" + dupNumber + "/follow-up", null,
                Map.of("resolved", true, "satisfaction", "SATISFIED"), ownCode);
        assertThat(dupAnswer.status()).as(dupAnswer.body()).isEqualTo(200);
        assertThat(dupAnswer.text("status")).as("the first reporter is still to be asked").isEqualTo("AWAITING_FOLLOW_UP");
        assertThat(dupAnswer.json().get("canAnswerFollowUp").asBoolean()).isFalse();
        assertThat(dupAnswer.text("reply")).isEqualTo("井盖已更换加固");
        assertThat(api.get("/api/v1/public/cases/" + number, null, firstCode).json().get("canAnswerFollowUp")
                .asBoolean()).isTrue();
        assertThat(api.post("/api/v1/public/cases/" + dupNumber + "/follow-up", null,
                Map.of("resolved", true, "satisfaction", "SATISFIED"), ownCode).status()).isEqualTo(409);

        var firstAnswer = api.post("/api/v1/public/cases/" + number + "/follow-up", null,
                Map.of("resolved", true, "satisfaction", "BASICALLY_SATISFIED"), firstCode);
        assertThat(firstAnswer.text("status")).isEqualTo("CLOSED");
        assertThat(api.get("/api/v1/public/cases/" + dupNumber, null, ownCode).text("status")).isEqualTo("CLOSED");
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
        assertThat(recipient(number).get("recipient")).as("not sent: the recipient kept, sealed").isNotNull()
                .isNotEqualTo(RecordingResidentChannel.UNREACHABLE);

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

    private Map<String, Object> recipient(String number) {
        return jdbc.sql("select recipient, recipient_hash from notify_outbox where case_number = ? order by id")
                .param(number).query().listOfRows().get(0);
    }

    private List<Map<String, Object>> outbox(String number) {
        return jdbc.sql("select kind, channel, status, attempts, last_error from notify_outbox where case_number = ? order by id")
                .param(number).query().listOfRows();
    }
}
