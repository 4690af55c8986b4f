package cn.civicloop.security.internal;

import java.sql.DatabaseMetaData;
import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * A page session's row is written again only when something of it changed or its last access is older than
 * {@link #TOUCH}. Spring Session stamps the access time on every request and so updated the row on every page and
 * every chart's data: one committed write per read, and all requests of one session queued on the lock of its row
 * (the leaders' overview with its charts, or one session in many tabs). With 20 viewers at 100,000 cases that write
 * was most of the overview's time, not its figures or its rendering.
 * The statement keeps Spring Session's parameters in their order (session id, last access, idle limit, expiry,
 * principal, row id) and compares them with the row: a request within a minute of the last stamp that changes nothing
 * else updates no row, takes no lock and writes nothing. A session then expires at most {@link #TOUCH} before its
 * idle limit counted from its very last request; attribute changes are saved as before.
 */
@Configuration(proxyBeanMethods = false)
class SessionTouches {

    /** How stale the stored last access may be before a read writes it again. */
    static final Duration TOUCH = Duration.ofMinutes(1);

    private static final String VALUES = """
            select cast(? as char(36)) session_id, cast(? as bigint) last_access_time,
                   cast(? as int) max_inactive_interval, cast(? as bigint) expiry_time,
                   cast(? as varchar(100)) principal_name, cast(? as char(36)) primary_id""";

    private static final String CHANGED = """
            (s.session_id <> v.session_id or s.max_inactive_interval <> v.max_inactive_interval
             or s.principal_name is distinct from v.principal_name
             or s.last_access_time < v.last_access_time - %d)""".formatted(TOUCH.toMillis());

    static final String POSTGRES = """
            update %TABLE_NAME% s set session_id = v.session_id, last_access_time = v.last_access_time,
                max_inactive_interval = v.max_inactive_interval, expiry_time = v.expiry_time,
                principal_name = v.principal_name
            from (""" + VALUES + ") v where s.primary_id = v.primary_id and " + CHANGED;

    /** H2 has no {@code update … from}; its merge with a matched condition does the same. */
    static final String H2 = "merge into %TABLE_NAME% s using (" + VALUES + """
            ) v on s.primary_id = v.primary_id
            when matched and""" + " " + CHANGED + """
             then update set session_id = v.session_id, last_access_time = v.last_access_time,
                max_inactive_interval = v.max_inactive_interval, expiry_time = v.expiry_time,
                principal_name = v.principal_name""";

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> touchSessionsOncePerMinute(DataSource dataSource)
            throws MetaDataAccessException {
        String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        String update = "PostgreSQL".equals(product) ? POSTGRES : H2;
        return repository -> repository.setUpdateSessionQuery(update);
    }
}
