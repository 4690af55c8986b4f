package cn.civicloop.triage.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.civicloop.support.Api;
import cn.civicloop.support.ApiTest;
import cn.civicloop.support.Node;

/**
 * What the loop keeps for training: a closed case's final category and department after a reassignment, and
 * nothing of a case voided or merged into another.
 */
class CaseOutcomesApiTests extends ApiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCaseClosedAfterAReassignmentTeachesTheDepartmentItWasClosedUnder() {
        String number = submit(appeal("闭环学习测试：小区门口下水道堵了")).text("number");
        long first = departmentId("ZFJ");
        long last = departmentId(lastDepartmentCode());
        for (Object[] step : new Object[][] {{"operator", "register", Map.of()},
                {"dispatcher", "assign", Map.of("departmentId", first)},
                {"dispatcher", "reassign", Map.of("departmentId", last, "reason", "属住建职责")}}) {
            ok(step, number);
        }
        String user = userOf(lastDepartmentCode());
        for (Object[] step : new Object[][] {{user, "sign", Map.of()}, {user, "reply", Map.of("text", "已疏通")},
                {"officer", "approve", Map.of()},
                {"officer", "follow-up", Map.of("resolved", true, "satisfaction", "SATISFIED")},
                {"officer", "close", Map.of()}}) {
            ok(step, number);
        }
        Node.await(WAIT, "the outcome of " + number, () -> count("triage_outcome", number) == 1);
        Map<String, Object> row = jdbc.sql("select category, department_code from triage_outcome where case_number = ?")
                .param(number).query().singleRow();
        assertThat(row.get("department_code")).isEqualTo(lastDepartmentCode());
        assertThat((String) row.get("category")).isNotBlank();
    }

    @Test
    void voidedAndMergedCasesAreExcluded() {
        String voided = submit(appeal("闭环学习测试：无效信息")).text("number");
        ok(new Object[] {"operator", "void", Map.of("reason", "无效诉求：测试信息")}, voided);
        String first = submit(appeal("闭环学习测试：路灯不亮")).text("number");
        String dup = submit(appeal("闭环学习测试：路灯不亮（重复）")).text("number");
        ok(new Object[] {"operator", "merge", Map.of("intoNumber", first)}, dup);
        Node.await(WAIT, "the exclusions", () -> count("triage_excluded_case", voided) == 1
                && count("triage_excluded_case", dup) == 1);
        assertThat(count("triage_excluded_case", first)).isZero();
        assertThat(count("triage_outcome", voided) + count("triage_outcome", dup)).isZero();
    }

    private String lastDepartmentCode() {
        return "ZJJ";
    }

    private String userOf(String code) {
        return code.toLowerCase(java.util.Locale.ROOT);
    }

    private long count(String table, String number) {
        return jdbc.sql("select count(*) from " + table + " where case_number = ?").param(number).query(Long.class).single();
    }

    @SuppressWarnings("unchecked")
    private void ok(Object[] step, String number) {
        Api.Answer a = act((String) step[0], number, (String) step[1], (Map<String, Object>) step[2]);
        assertThat(a.status()).as(step[1] + ": " + a.body()).isEqualTo(200);
    }
}
