package cn.civicloop.cases.internal;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Everyone who reported the event of a case. A merged duplicate moves its reporters here, so that all of them
 * are called back and counted, not only the first.
 */
@Repository
class Reporters {

    private final JdbcClient jdbc;

    Reporters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void addOriginal(Case c) {
        jdbc.sql("""
                insert into cases_reporter (case_id, channel, external_ref, contact_name, contact_phone, anonymous, reported_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(c.id, c.channel.name(), c.externalRef, c.contactName, c.contactPhone, c.anonymous,
                        Cases.ts(c.createdAt))
                .update();
    }

    /** Copies the reporters of {@code duplicate} to {@code target}, remembering where they came from. */
    void moveAll(long duplicateId, long targetId, Instant at) {
        jdbc.sql("""
                insert into cases_reporter (case_id, channel, external_ref, contact_name, contact_phone, anonymous,
                    reported_at, merged_from)
                select ?, channel, external_ref, contact_name, contact_phone, anonymous, reported_at, ?
                from cases_reporter where case_id = ?""")
                .params(targetId, duplicateId, duplicateId).update();
    }

    int count(long caseId) {
        return jdbc.sql("select count(*) from cases_reporter where case_id = ?").param(caseId)
                .query(Integer.class).single();
    }
}
