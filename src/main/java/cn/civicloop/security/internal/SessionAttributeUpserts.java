package cn.civicloop.security.internal;

import java.sql.DatabaseMetaData;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Two requests of one page session that add the same attribute at the same time (a leader's overview opened in two
 * tabs, or by a client fetching pages in parallel, right after the login: each request makes the session's CSRF
 * token and stores it) each load the session without it, and each tells the table to insert it. Spring Session's
 * plain insert then failed the second request with a duplicate key on {@code security_session_attributes_pk}. Adding
 * an attribute is an upsert here: the later request's value wins, as when it changes an attribute both had.
 */
@Configuration(proxyBeanMethods = false)
class SessionAttributeUpserts {

    static final String POSTGRES = """
            insert into %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
            values (?, ?, ?)
            on conflict (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) do update set ATTRIBUTE_BYTES = excluded.ATTRIBUTE_BYTES
            """;

    /** H2 (also in PostgreSQL mode) knows {@code on conflict do nothing} only; its merge by key does the same. */
    static final String H2 = """
            merge into %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
            key (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) values (?, ?, ?)
            """;

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> upsertSessionAttributes(DataSource dataSource)
            throws MetaDataAccessException {
        String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        String upsert = "PostgreSQL".equals(product) ? POSTGRES : H2;
        return repository -> repository.setCreateSessionAttributeQuery(upsert);
    }
}
