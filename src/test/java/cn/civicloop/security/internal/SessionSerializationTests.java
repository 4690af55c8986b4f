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
}
