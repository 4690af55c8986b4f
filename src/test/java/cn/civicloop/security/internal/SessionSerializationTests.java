package cn.civicloop.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.civicloop.cases.CaseStatus;
import cn.civicloop.cases.OpenedCase;
import cn.civicloop.directory.Actor;
import cn.civicloop.directory.Role;

/** Page-session attributes survive the trip through the shared session table, records that are not Serializable too. */
class SessionSerializationTests {

    @Test
    void aFlashedRecordThatIsNotSerializableComesBackEqual() throws Exception {
        OpenedCase opened = new OpenedCase("SZ-20261126-000001", "token", CaseStatus.SUBMITTED, "待受理",
                Instant.parse("2026-11-30T09:00:00Z"), true);
        assertThat(opened).isNotInstanceOf(java.io.Serializable.class);
        Map<String, Object> flash = new HashMap<>(Map.of("opened", opened, "saved", "ok"));

        Object back = SessionSerialization.read(SessionSerialization.write(flash));

        assertThat(back).isEqualTo(flash);
    }

    @Test
    void theLoggedInPrincipalTravelsWithoutItsPasswordHash() throws Exception {
        StaffPrincipal principal = new StaffPrincipal(new Actor(7L, "operator", "王芳", Set.of(Role.OPERATOR), 1L, true),
                "{bcrypt}$2a$10$secret", true, false);

        StaffPrincipal back = (StaffPrincipal) SessionSerialization.read(SessionSerialization.write(principal));

        assertThat(back.actor()).isEqualTo(principal.actor());
        assertThat(back.getPassword()).isNull();
    }

    @Test
    void plainJavaSerializationWouldHaveRefusedTheRecord() {
        OpenedCase opened = new OpenedCase("SZ-1", null, CaseStatus.SUBMITTED, "待受理", null, true);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> new ObjectOutputStream(java.io.OutputStream.nullOutputStream()).writeObject(opened))
                .isInstanceOf(NotSerializableException.class);
    }

    @Test
    void aClassOutsideTheAllowListIsRefusedBeforeItIsBuilt() throws Exception {
        // a serialisable JDK class that no session attribute holds, standing for a gadget written into the table
        byte[] foreign = SessionSerialization.write(new HashMap<>(Map.of("x", new java.io.File("/etc/passwd"))));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SessionSerialization.read(foreign))
                .isInstanceOf(java.io.InvalidClassException.class).hasMessageContaining("REJECTED");
    }

    @Test
    void aLoggedInSecurityContextWithItsCsrfTokenAndSavedRequestPassesTheAllowList() throws Exception {
        StaffPrincipal principal = new StaffPrincipal(new Actor(7L, "operator", "王芳", Set.of(Role.OPERATOR), 1L, true),
                "{bcrypt}$2a$10$secret", true, false);
        var auth = org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(
                principal, null, principal.getAuthorities());
        var context = new org.springframework.security.core.context.SecurityContextImpl(auth);
        var saved = new org.springframework.security.web.savedrequest.DefaultSavedRequest.Builder()
                .setMethod("GET").setRequestURI("/workbench/cases").setScheme("http").setServerName("localhost")
                .setServerPort(8080).setLocales(java.util.List.of(java.util.Locale.CHINA)).build();
        var csrf = new org.springframework.security.web.csrf.DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "t");
        Map<String, Object> attributes = new HashMap<>(Map.of("ctx", context, "csrf", csrf, "saved", saved,
                "flash", new java.util.concurrent.CopyOnWriteArrayList<>(
                        java.util.List.of(new org.springframework.web.servlet.FlashMap()))));

        Object back = SessionSerialization.read(SessionSerialization.write(attributes));

        assertThat(((Map<?, ?>) back).keySet().stream().map(String::valueOf).toList())
                .containsExactlyInAnyOrder("ctx", "csrf", "saved", "flash");
    }
}
