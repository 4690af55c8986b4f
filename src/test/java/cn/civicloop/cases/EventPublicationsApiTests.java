package cn.civicloop.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.civicloop.support.ApiTest;
import cn.civicloop.support.Node;

/**
 * Every stored event publication costs an insert and two updates, so listeners say in their condition which
 * events concern them (issue #8): a case's steps store publications only for the listeners that act on them.
 * Same settings as TriageApiTests (the system assigns sure appeals), so both share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"civicloop.triage.auto-assign=true", "civicloop.triage.auto-threshold=0.5"})
class EventPublicationsApiTests extends ApiTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    JdbcClient jdbc;

    @Test
    void aResidentsAppealAssignedByTheSystemStoresOnlyThePublicationsSomebodyActsOn() {
        String number = submit(appeal("广济路路灯坏了好几天晚上一片漆黑")).text("number");
        Node.await(WAIT, number + " assigned and all publications complete", () -> status(number).equals("ASSIGNED")
                && incomplete(number) == 0);
        Map<String, Long> byListener = publications(number);
        // Opened → triage; REGISTER and ASSIGN → the resident's texts and the department's inbox. Not stored: the
        // SUBMIT step (nobody is told), the 110 linkage (not a 110 case), triage corrections (the system assigned).
        // ASSIGN → evaluation's facts (the department now answers for the case); REGISTER concerns no indicator.
        // Opened → opinion (every case may join a topic). Every step that moves the status → the public board's copy
        // (the resident let it be shown). The daily figures: SUBMIT (a new case counts on its day) and ASSIGN (its
        // department changes); REGISTER changes nothing they count.
        assertThat(byListener).containsExactlyInAnyOrderEntriesOf(Map.of(
                "cn.civicloop.triage.internal.TriageListeners.on(cn.civicloop.cases.CaseOpened)", 1L,
                "cn.civicloop.notify.internal.CaseNotifications.on(cn.civicloop.cases.CaseTransitioned)", 2L,
                "cn.civicloop.evaluation.internal.CaseFacts.on(cn.civicloop.cases.CaseTransitioned)", 1L,
                "cn.civicloop.opinion.internal.CaseTopics.on(cn.civicloop.cases.CaseOpened)", 1L,
                "cn.civicloop.board.internal.CaseProgress.on(cn.civicloop.cases.CaseTransitioned)", 3L,
                "cn.civicloop.cases.internal.DayFigureUpdates.on(cn.civicloop.cases.CaseTransitioned)", 2L));
    }

    @Test
    void aDispatchersReassignmentIsStoredForTheTriageCorrectionListener() {
        String number = submit(appeal("广济路路灯坏了好几天晚上一片漆黑")).text("number");
        Node.await(WAIT, number + " assigned", () -> status(number).equals("ASSIGNED"));
        assertThat(act("dispatcher", number, "reassign", Map.of("departmentId", departmentId("ZJJ"),
                "reason", "路灯改由住建局负责")).status()).isEqualTo(200);
        Node.await(WAIT, number + " publications complete", () -> incomplete(number) == 0);
        assertThat(publications(number)).containsEntry(
                "cn.civicloop.triage.internal.TriageListeners.on(cn.civicloop.cases.CaseTransitioned)", 1L);
    }

    private String status(String number) {
        return api.get("/api/v1/cases/" + number, api.login("leader")).json().get("status").asString();
    }

    private long incomplete(String number) {
        return jdbc.sql("select count(*) from event_publication where completion_date is null and serialized_event "
                + "like ?").param("%\"" + number + "\"%").query(Long.class).single();
    }

    private Map<String, Long> publications(String number) {
        return jdbc.sql("select listener_id from event_publication where serialized_event like ?")
                .param("%\"" + number + "\"%").query(String.class).list().stream()
                .collect(Collectors.groupingBy(l -> l, Collectors.counting()));
    }
}
