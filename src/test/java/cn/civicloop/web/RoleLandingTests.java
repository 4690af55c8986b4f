package cn.civicloop.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.civicloop.support.ApiTest;

/**
 * After login a person lands on a page his roles may open: the page he asked for before logging in when he may see
 * it, his role's home otherwise — never a refusal.
 */
class RoleLandingTests extends ApiTest {

    @Test
    void eachRoleLandsOnItsHomeAndThatHomeOpens() {
        assertLandsAndOpens(null, "zfj", "/workbench");
        assertLandsAndOpens(null, "leader", "/dashboard");
        assertLandsAndOpens(null, "police-desk", "/dispatch");
        assertLandsAndOpens(null, "unit-b1-1", "/terminal");
        assertLandsAndOpens(null, "road3", "/roads");
        assertLandsAndOpens(null, "admin", "/admin");
    }

    @Test
    void aSavedRequestTheRoleMayNotOpenIsDroppedForTheRoleHome() {
        assertLandsAndOpens("/terminal", "zfj", "/workbench");
        assertLandsAndOpens("/admin/staff", "police-desk", "/dispatch");
        assertLandsAndOpens("/dispatch", "admin", "/admin");
    }

    @Test
    void aSavedRequestTheRoleMayOpenIsKept() {
        assertLandsAndOpens("/admin/staff", "secadmin", "/admin/staff");
        assertLandsAndOpens("/workbench/cases", "officer", "/workbench/cases");
    }

    @Test
    void theAdminsHeaderOffersNoCaseListAndTheRefusalPageDoesNotLoopBackToIt() {
        PageSession admin = PageSession.login(port(), "admin");
        String page = admin.get("/admin/departments").body();
        assertThat(page).contains("id=\"whoami\"").contains("id=\"logout\"").contains("id=\"nav-admin\"")
                .doesNotContain("id=\"nav-cases\"");
        String refused = admin.get("/workbench/cases").body();
        assertThat(refused).contains("id=\"forbidden\"").doesNotContain("href=\"/workbench/cases\"");
        PageSession leader = PageSession.login(port(), "leader");
        assertThat(leader.get("/dashboard").body()).contains("id=\"whoami\"").contains("id=\"logout\"");
    }

    private void assertLandsAndOpens(String asked, String user, String expected) {
        PageSession s = PageSession.loginAfter(port(), asked, user);
        assertThat(s.landing).as(user + " after " + asked).isEqualTo(expected);
        var r = s.get(expected);
        if (r.statusCode() == 302) {
            // /admin opens the first admin page, /roads the chief's own page
            String next = java.net.URI.create(r.headers().firstValue("Location").orElseThrow()).getPath();
            assertThat(next).doesNotContain("login").doesNotContain("error");
            r = s.get(next);
        }
        assertThat(r.statusCode()).as(user + " opens " + expected).isEqualTo(200);
    }
}
