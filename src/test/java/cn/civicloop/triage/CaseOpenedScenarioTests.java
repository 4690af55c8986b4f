package cn.civicloop.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import cn.civicloop.cases.AppealKind;
import cn.civicloop.cases.AppealSnapshot;
import cn.civicloop.cases.CaseManagement;
import cn.civicloop.cases.CaseOpened;
import cn.civicloop.cases.CaseQueries;
import cn.civicloop.cases.CaseStatus;
import cn.civicloop.cases.Channel;
import cn.civicloop.cases.Urgency;
import cn.civicloop.cluster.ReferenceChanges;
import cn.civicloop.directory.Directory;
import cn.civicloop.support.OwnH2Database;
import cn.civicloop.geo.Jurisdictions;
import cn.civicloop.shared.AuditTrail;

/**
 * The contract between {@code cases} and {@code triage}, with only the triage module (and {@code shared}) started:
 * a {@link CaseOpened} published by the intake makes triage read the case's text through {@link CaseQueries} and
 * record its decision and ranked suggestions (the triage queue). Automatic assignment is off in the test profile,
 * so triage must not act on the case. What triage asks of other modules is mocked; the demo hazard rules are not
 * loaded, as they name departments of the directory, which is not started.
 */
@ApplicationModuleTest
@ContextConfiguration(initializers = CaseOpenedScenarioTests.Database.class)
@TestPropertySource(properties = "civicloop.triage.hazard-rules-file=classpath:triage/no-hazard-rules.yml")
class CaseOpenedScenarioTests {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @MockitoBean
    CaseQueries cases;

    @MockitoBean
    CaseManagement management;

    @MockitoBean
    Directory directory;

    @MockitoBean
    ReferenceChanges referenceChanges;

    @MockitoBean
    Jurisdictions jurisdictions;

    @MockitoBean
    AuditTrail audit;

    /** On H2, a database of its own: the module's scheduler and model training stay out of the other contexts'. */
    static class Database extends OwnH2Database {
        @Override
        protected String name() {
            return "civicloop-scenario-triage";
        }
    }

    private final JdbcClient jdbc;

    CaseOpenedScenarioTests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Test
    void anOpenedCaseIsTriagedOnceIntoTheQueue(Scenario scenario) {
        String number = "SCN-T-" + UUID.randomUUID().toString().substring(0, 8);
        Instant at = Instant.parse("2026-03-01T02:00:00Z");
        given(cases.snapshot(number)).willReturn(Optional.of(new AppealSnapshot(number, CaseStatus.SUBMITTED,
                Channel.HOTLINE_12345, "小区路灯不亮", "幸福小区3号楼门前的路灯坏了一个星期，晚上很黑，老人出行不便。",
                null, null, null, null, null, null, null, at)));

        scenario.publish(new CaseOpened(number, Channel.HOTLINE_12345, AppealKind.HELP, Urgency.NORMAL, null,
                at.plusSeconds(86_400), at))
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(() -> decisions(number), rows -> !rows.isEmpty())
                .andVerify(rows -> {
                    assertThat(rows).hasSize(1);
                    Map<String, Object> decision = rows.get(0);
                    assertThat(decision.get("auto_routed")).isEqualTo(false);
                    assertThat((String) decision.get("top_category")).isNotBlank();
                    assertThat((String) decision.get("model_version")).isNotBlank();
                    // the ranked suggestions in the decision's row (ADR 0059): between record separators, the
                    // category first of each one's fields
                    String suggestions = jdbc.sql("select suggestions from triage_decision where case_number = ?")
                            .param(number).query(String.class).single();
                    assertThat(suggestions).as("the ranked suggestions a triage officer sees in the queue")
                            .isNotBlank();
                    assertThat(suggestions.split("\u001E")[0].split("\u001F")[0])
                            .isEqualTo(decision.get("top_category"));
                    verifyNoInteractions(management); // auto-assign is off: the case waits in the queue
                });
    }

    private List<Map<String, Object>> decisions(String number) {
        return jdbc.sql("select top_category, model_version, auto_routed from triage_decision where case_number = ?")
                .param(number).query().listOfRows();
    }
}
