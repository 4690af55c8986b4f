package cn.civicloop.security.internal;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.civicloop.directory.StaffCredentials;
import cn.civicloop.directory.StaffCredentialsChanged;

/**
 * Ends every page session of a staff member whose password was changed or reset, whose roles changed or whose
 * account was deactivated — on every instance at once: page sessions are rows shared by all instances (Spring
 * Session JDBC, ADR 0009, indexed by the principal's name), so deleting his rows in the directory's transaction logs
 * him out everywhere with the same commit. His API tokens end in the same commit ({@link ApiTokens}).
 */
@Component
class SessionRevocation {

    private final JdbcClient jdbc;
    private final StaffCredentials credentials;

    SessionRevocation(JdbcClient jdbc, StaffCredentials credentials) {
        this.jdbc = jdbc;
        this.credentials = credentials;
    }

    @EventListener
    void endSessions(StaffCredentialsChanged changed) {
        credentials.byId(changed.staffId()).ifPresent(account -> endSessionsOf(account.actor().username()));
    }

    /** Deletes the sessions (and, by cascade, their attributes) logged in as {@code username}; how many. */
    int endSessionsOf(String username) {
        return jdbc.sql("delete from security_session where principal_name = ?").param(username).update();
    }
}
