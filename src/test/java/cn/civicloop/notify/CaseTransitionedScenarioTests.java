package cn.civicloop.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.CaseQueries;
import cn.civicloop.cases.CaseStatus;
import cn.civicloop.cases.CaseTransitioned;
import cn.civicloop.cases.Channel;
import cn.civicloop.cases.ResidentContact;
import cn.civicloop.directory.Directory;
import cn.civicloop.support.OwnH2Database;
import cn.civicloop.directory.Role;
import cn.civicloop.shared.PersonalDataCipher;

/**
 * The contract between {@code cases} and {@code notify}, with only the notify module (and {@code shared}) started:
 * a {@link CaseTransitioned} published by the case loop makes notify write the resident's message to its outbox and
 * the department's letters to the inbox. What notify asks of {@code cases} and {@code directory} is mocked.
 */
@ApplicationModuleTest
@ContextConfiguration(initializers = CaseTransitionedScenarioTests.Database.class)
class CaseTransitionedScenarioTests {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @MockitoBean
    CaseQueries cases;

    @MockitoBean
    Directory directory;

    /** Provided by {@code security} (SM4 in production): here a visible stand-in, so the test sees it was used. */
    @MockitoBean
    PersonalDataCipher cipher;

    /** On H2, a database of its own: the module's scheduler and model training stay out of the other contexts'. */
    static class Database extends OwnH2Database {
        @Override
        protected String name() {
            return "civicloop-scenario-notify";
        }
    }

    private final JdbcClient jdbc;

    CaseTransitionedScenarioTests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @BeforeEach
    void sealVisibly() {
        given(cipher.seal(anyString())).willAnswer(call -> "sealed:" + call.getArgument(0));
        given(cipher.phoneHash(anyString())).willAnswer(call -> "hash:" + call.getArgument(0));
    }

    @Test
    void anAssignmentTellsTheResidentAndTheDepartmentsHandlers(Scenario scenario) {
        String number = "SCN-N-" + UUID.randomUUID().toString().substring(0, 8);
        long departmentId = 9001L;
        long handler = 9_000_001L;
        given(cases.residentContacts(number))
                .willReturn(List.of(new ResidentContact(number, Channel.HOTLINE_12345, "张三", "13800000000")));
        given(directory.staffIds(eq(departmentId), eq(Role.HANDLER))).willReturn(List.of(handler));

        scenario.publish(new CaseTransitioned(number, CaseAction.ASSIGN, CaseStatus.REGISTERED, CaseStatus.ASSIGNED,
                departmentId, 1L, Instant.parse("2026-03-01T02:00:00Z"), Channel.HOTLINE_12345))
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(() -> outbox(number), rows -> !rows.isEmpty())
                .andVerify(rows -> {
                    assertThat(rows).hasSize(1);
                    assertThat(rows.get(0)).containsEntry("kind", "ASSIGN").containsEntry("case_channel", "HOTLINE_12345");
                    assertThat((String) rows.get(0).get("text_body")).contains(number).contains("已转交承办单位办理");
                    assertThat(rows.get(0)).as("the phone is sealed at rest")
                            .containsEntry("recipient", "sealed:13800000000");
                    assertThat(jdbc.sql("select staff_id, title from notify_inbox where case_number = ?").param(number)
                            .query().listOfRows())
                            .containsExactly(Map.of("staff_id", handler, "title", "新工单待签收"));
                });
    }

    @Test
    void aSigningIsNobodysNewsAndWritesNothing(Scenario scenario) {
        String number = "SCN-N-" + UUID.randomUUID().toString().substring(0, 8);
        given(cases.residentContacts(number))
                .willReturn(List.of(new ResidentContact(number, Channel.HOTLINE_12345, "李四", "13900000000")));
        String marker = "SCN-N-" + UUID.randomUUID().toString().substring(0, 8);
        given(cases.residentContacts(marker))
                .willReturn(List.of(new ResidentContact(marker, Channel.WEBSITE, "王五", "13700000000")));

        // the signing first, then a registration: once the registration's message is there, the signing (published
        // before it, in its own transaction) had its chance to write
        scenario.stimulate((tx, publisher) -> {
            tx.executeWithoutResult(s -> publisher.publishEvent(new CaseTransitioned(number, CaseAction.SIGN,
                    CaseStatus.ASSIGNED, CaseStatus.IN_PROGRESS, 9001L, 1L, Instant.now(), Channel.HOTLINE_12345)));
            tx.executeWithoutResult(s -> publisher.publishEvent(new CaseTransitioned(marker, CaseAction.REGISTER,
                    CaseStatus.SUBMITTED, CaseStatus.REGISTERED, null, 1L, Instant.now(), Channel.WEBSITE)));
            return marker;
        })
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(() -> outbox(marker), rows -> !rows.isEmpty())
                .andVerify(rows -> assertThat(outbox(number)).isEmpty());
    }

    private List<Map<String, Object>> outbox(String number) {
        return jdbc.sql("select kind, case_channel, recipient, text_body from notify_outbox where case_number = ?")
                .param(number).query().listOfRows();
    }
}
