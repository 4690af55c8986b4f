package cn.civicloop.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.ResourceBundle;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import cn.civicloop.security.internal.audit.AuditSearch;

/**
 * The row of a staff member's write names the path the application resolved — decoded, without {@code ;}
 * parameters, one slash at a time — so an encoded spelling is recorded and classified like the plain one; and every
 * action and outcome the log is written with has a label in both languages (the page shows labels, not codes).
 */
class StaffActionAuditFilterTests {

    @ParameterizedTest
    @CsvSource({
            "/api/v1/%61dmin/departments, /api/v1/admin/departments, ADMIN_CHANGE",
            "/api/v1/admin//escalation-ladder, /api/v1/admin/escalation-ladder, ADMIN_CHANGE",
            "/admin/sla/ladder;jsessionid=abc, /admin/sla/ladder, ADMIN_CHANGE",
            "/%61dmin/calendar/days, /admin/calendar/days, ADMIN_CHANGE",
            "/api/v1/%63ases/20261201-000001/actions/SIGN, /api/v1/cases/20261201-000001/actions/SIGN, CASE_ACTION",
            "/account/password, /account/password, STAFF_WRITE" })
    void theRecordedPathIsTheResolvedOne(String raw, String recorded, String action) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", raw);
        assertThat(StaffActionAuditFilter.normalizedPath(request)).isEqualTo(recorded);
        assertThat(StaffActionAuditFilter.action(StaffActionAuditFilter.normalizedPath(request))).isEqualTo(action);
    }

    @Test
    void everyActionAndOutcomeHasALabelInBothLanguages() {
        for (Locale locale : new Locale[] { Locale.ROOT, Locale.ENGLISH }) {
            ResourceBundle bundle = ResourceBundle.getBundle("messages-security", locale);
            for (String action : AuditSearch.ACTIONS) {
                assertThat(bundle.containsKey("audit.action." + action)).as(locale + " " + action).isTrue();
            }
            for (String outcome : AuditSearch.OUTCOMES) {
                assertThat(bundle.containsKey("audit.outcome." + outcome)).as(locale + " " + outcome).isTrue();
            }
            for (String method : new String[] { "POST", "PUT", "PATCH", "DELETE" }) {
                assertThat(bundle.containsKey("audit.method." + method)).as(locale + " " + method).isTrue();
            }
        }
    }
}
