package cn.civicloop.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import cn.civicloop.directory.Actor;
import cn.civicloop.directory.Role;

/**
 * One gate for the steps a page login may still owe: the TOTP code before anything, then the password change; each
 * lets through only its own page, logout and static files. The table is the whole rule.
 */
class PendingStepGateTests {

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @ParameterizedTest(name = "totp pending {0}, password due {1}: {2} → {3}")
    @CsvSource({
            "true,  true,  /workbench,        /login/totp",
            "true,  true,  /account/password, /login/totp",
            "true,  false, /login/totp,       ",
            "true,  false, /logout,           ",
            "false, true,  /workbench,        /account/password",
            "false, true,  /login/totp,       /account/password",
            "false, true,  /account/password, ",
            "false, true,  /css/app.css,      ",
            "false, false, /workbench,        " })
    void aLoginOwingAStepReachesOnlyThatStepsPage(boolean totpPending, boolean passwordDue, String path,
            String redirect) throws Exception {
        Actor actor = new Actor(7L, "someone", "某人", Set.of(Role.ADMIN), null, false);
        StaffPrincipal staff = new StaffPrincipal(actor, "x", true, passwordDue);
        staff = totpPending ? staff.pendingSecondFactor() : staff;
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(staff, null, staff.getAuthorities()));
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        new PendingStepGate().doFilter(new MockHttpServletRequest("GET", path), response, chain);
        assertThat(response.getRedirectedUrl()).isEqualTo(redirect);
        assertThat(chain.getRequest() != null).as("passed on").isEqualTo(redirect == null);
    }
}
