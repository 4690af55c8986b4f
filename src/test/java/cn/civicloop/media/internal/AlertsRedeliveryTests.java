package cn.civicloop.media.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.CaseStatus;
import cn.civicloop.cases.CaseTransitioned;
import cn.civicloop.cases.Channel;
import cn.civicloop.cases.FollowUpAnswered;
import cn.civicloop.cases.Satisfaction;
import cn.civicloop.support.ApiTest;
import tools.jackson.databind.JsonNode;

/**
 * The media centre's counters when an event is delivered twice (a publication resubmitted after a crash): the same
 * event counts once, a new event counts, an alert is raised once and every media officer of the media centre gets one
 * letter for it. The events go through the listener's method without its asynchrony.
 */
class AlertsRedeliveryTests extends ApiTest {

    @Autowired
    Alerts alerts;

    @Autowired
    JdbcClient jdbc;

    private static String number() {
        return "SZ-T-" + UUID.randomUUID().toString().substring(0, 12);
    }

    private static CaseTransitioned transition(String number, CaseAction action, Instant at) {
        return new CaseTransitioned(number, action, CaseStatus.IN_PROGRESS, CaseStatus.RETURN_REQUESTED, null, 7L, at,
                Channel.WEBSITE);
    }

    @Test
    void aReturnDeliveredTwiceCountsOnceAndTheAlertComesWithTheSecondReturn() {
        String number = number();
        Instant first = Instant.now().truncatedTo(ChronoUnit.MICROS);
        alerts.counted(transition(number, CaseAction.RETURN, first));
        alerts.counted(transition(number, CaseAction.RETURN, first));
        assertThat(counter(number, "returned")).as("the same event redelivered").isEqualTo(1);
        assertThat(alertsOf(number)).as("two returns raise the alert, one redelivered return does not").isEmpty();

        CaseTransitioned second = transition(number, CaseAction.RETURN, first.plusSeconds(60));
        alerts.counted(second);
        alerts.counted(second);
        assertThat(counter(number, "returned")).isEqualTo(2);
        assertThat(alertsOf(number)).containsExactly("RETURNED");
        // one letter in the inbox of each media officer of the media centre (区融媒体中心: media and rmt)
        assertThat(letters("media", number)).hasSize(1);
        assertThat(letters("media", number).get(0).get("title").asString()).contains("多次退单").contains(number);
        assertThat(letters("rmt", number)).hasSize(1);
        assertThat(letters("zfj", number)).as("not a handler's letter").isEmpty();
    }

    @Test
    void aReworkAndDissatisfiedAnswersDeliveredTwiceCountOnce() {
        String number = number();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        CaseTransitioned rework = transition(number, CaseAction.REWORK, at);
        alerts.counted(rework);
        alerts.counted(rework);
        assertThat(counter(number, "reworked")).isEqualTo(1);
        assertThat(alertsOf(number)).containsExactly("REWORKED");
        assertThat(letters("media", number)).hasSize(1);

        FollowUpAnswered dissatisfied = new FollowUpAnswered(number, false, Satisfaction.DISSATISFIED, null, 8L,
                at.plusSeconds(5));
        alerts.counted(dissatisfied);
        alerts.counted(dissatisfied);
        assertThat(counter(number, "dissatisfied")).as("two deliveries of one answer").isEqualTo(1);
        assertThat(alertsOf(number)).as("the second dissatisfied answer has not come").containsExactly("REWORKED");
        alerts.counted(new FollowUpAnswered(number, false, Satisfaction.DISSATISFIED, null, 8L, at.plusSeconds(9)));
        assertThat(counter(number, "dissatisfied")).isEqualTo(2);
        assertThat(alertsOf(number)).containsExactlyInAnyOrder("REWORKED", "DISSATISFIED");
        assertThat(letters("media", number)).hasSize(2);
    }

    private int counter(String number, String column) {
        return jdbc.sql("select " + column + " from media_case_counter where case_number = ?").param(number)
                .query(Integer.class).single();
    }

    private List<String> alertsOf(String number) {
        return jdbc.sql("select kind from media_alert where case_number = ? order by id").param(number)
                .query(String.class).list();
    }

    private List<JsonNode> letters(String user, String number) {
        JsonNode page = api.get("/api/v1/inbox?size=100", api.login(user)).json();
        return page.get("items").valueStream().filter(i -> number.equals(i.get("caseNumber").asString())).toList();
    }
}
