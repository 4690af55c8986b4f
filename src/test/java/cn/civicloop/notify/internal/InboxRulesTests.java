package cn.civicloop.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.EscalationStep;
import cn.civicloop.directory.Role;

class InboxRulesTests {

    @Test
    void actionsWithoutARuleTellNobody() {
        assertThat(InboxRules.forAction("SIGN")).isEmpty();
        assertThat(InboxRules.forAction("NOTE")).isEmpty();
        assertThat(InboxRules.forAction("SOMETHING_NEW")).isEmpty();
    }

    @Test
    void everyRuleNamesAnExistingActionOrOneThatIsAnnounced() {
        var known = Arrays.stream(CaseAction.values()).map(Enum::name).toList();
        assertThat(InboxRules.actionNames()).allMatch(name -> known.contains(name)
                || name.equals("URGE") || name.equals("SUPERVISE"));
    }

    @Test
    void everyEscalationStepHasARuleAndTheReportGoesToTheLeaders() {
        for (EscalationStep step : EscalationStep.values()) {
            assertThat(InboxRules.forEscalation(step)).as(step.name()).isPresent();
        }
        assertThat(InboxRules.forEscalation(EscalationStep.CIRCULATE).orElseThrow().roles()).containsExactly(Role.LEADER);
        assertThat(InboxRules.forEscalation(EscalationStep.REMIND).orElseThrow().fallback()).containsExactly(Role.OPERATOR);
    }

    @Test
    void residentsHearOnlyOfPublicSteps() {
        assertThat(ResidentTexts.forAction("REGISTER", "SZ-1")).hasValueSatisfying(t -> assertThat(t).contains("SZ-1"));
        assertThat(ResidentTexts.forAction("APPROVE", "SZ-1")).hasValueSatisfying(t -> assertThat(t).contains("请留意回访"));
        assertThat(ResidentTexts.forAction("SIGN", "SZ-1")).isEmpty();
        assertThat(ResidentTexts.forAction("RETURN", "SZ-1")).isEmpty();
    }
}
