package cn.civicloop.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

import cn.civicloop.support.ApiTest;
import cn.civicloop.support.PageSession;

/**
 * A page session's row is written again when something changed or its stored last access is a minute old, not on
 * every read.
 */
class SessionTouchesTests extends ApiTest {

    @Autowired
    org.springframework.session.jdbc.JdbcIndexedSessionRepository sessions;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aReadWithinAMinuteLeavesTheRowAloneAndALaterOneWritesIt() {
        touches(sessions);
    }

    private <S extends Session> void touches(SessionRepository<S> repository) {
        S created = repository.createSession();
        Instant start = created.getLastAccessedTime();
        repository.save(created);
        String id = created.getId();

        S read = repository.findById(id);
        read.setLastAccessedTime(start.plusSeconds(30));
        repository.save(read);
        assertThat(stored(id)).as("30 s later: not written").isEqualTo(start.toEpochMilli());

        read = repository.findById(id);
        read.setLastAccessedTime(start.plusSeconds(40));
        read.setAttribute("figure", "OPEN");
        repository.save(read);
        assertThat(stored(id)).isEqualTo(start.toEpochMilli());
        assertThat((String) repository.findById(id).getAttribute("figure")).as("attributes still saved")
                .isEqualTo("OPEN");

        read = repository.findById(id);
        read.setLastAccessedTime(start.plusSeconds(45));
        read.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, "leader");
        repository.save(read);
        assertThat(jdbc.sql("select principal_name from security_session where session_id = ?").param(id)
                .query(String.class).single()).as("a new principal is written at once").isEqualTo("leader");

        read = repository.findById(id);
        read.setMaxInactiveInterval(Duration.ofMinutes(5));
        repository.save(read);
        assertThat(jdbc.sql("select max_inactive_interval from security_session where session_id = ?").param(id)
                .query(Integer.class).single()).as("a new idle limit is written at once").isEqualTo(300);

        // the principal's change above wrote the access time of then: a minute after that one
        Instant later = Instant.ofEpochMilli(stored(id)).plus(SessionTouches.TOUCH).plusSeconds(5);
        read = repository.findById(id);
        read.setLastAccessedTime(later);
        repository.save(read);
        assertThat(stored(id)).as("over a minute later: written").isEqualTo(later.toEpochMilli());
        assertThat(jdbc.sql("select expiry_time from security_session where session_id = ?").param(id)
                .query(Long.class).single()).isEqualTo(later.plus(Duration.ofMinutes(5)).toEpochMilli());

        repository.deleteById(id);
    }

    private long stored(String sessionId) {
        return jdbc.sql("select last_access_time from security_session where session_id = ?").param(sessionId)
                .query(Long.class).single();
    }

    @Test
    void pagesReadInTheSameMinuteAfterTheLoginDoNotRewriteTheSession() {
        PageSession leader = PageSession.login(port(), "leader");
        assertThat(leader.get("/dashboard").statusCode()).isEqualTo(200);
        long after = jdbc.sql("select max(last_access_time) from security_session where principal_name = 'leader'")
                .query(Long.class).single();
        for (int i = 0; i < 3; i++) {
            assertThat(leader.get("/dashboard/data").statusCode()).isEqualTo(200);
        }
        assertThat(jdbc.sql("select max(last_access_time) from security_session where principal_name = 'leader'")
                .query(Long.class).single()).isEqualTo(after);
    }
}
