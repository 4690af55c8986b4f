package cn.civicloop.cases.internal;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.civicloop.shared.PersonalDataCipher;

/**
 * Everyone who reported the event of a case. A merged duplicate moves its reporters here, so that all of them
 * are called back and counted, not only the first. Names and phones are stored sealed, like the case's.
 */
@Repository
class Reporters {

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;

    Reporters(JdbcClient jdbc, PersonalDataCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    void addOriginal(Case c) {
        jdbc.sql("""
                insert into cases_reporter (case_id, channel, external_ref, contact_name, contact_phone,
                    contact_phone_hash, anonymous, reported_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(c.id, c.channel.name(), c.externalRef, cipher.seal(c.contactName), cipher.seal(c.contactPhone),
                        cipher.phoneHash(c.contactPhone), c.anonymous, Cases.ts(c.createdAt))
                .update();
    }

    /** Copies the reporters of {@code duplicate} to {@code target}, remembering where they came from. */
    void moveAll(long duplicateId, long targetId, Instant at) {
        jdbc.sql("""
                insert into cases_reporter (case_id, channel, external_ref, contact_name, contact_phone,
                    contact_phone_hash, anonymous, reported_at, merged_from)
                select ?, channel, external_ref, contact_name, contact_phone, contact_phone_hash, anonymous,
                    reported_at, ?
                from cases_reporter where case_id = ?""")
                .params(targetId, duplicateId, duplicateId).update();
    }

    int count(long caseId) {
        return jdbc.sql("select count(*) from cases_reporter where case_id = ?").param(caseId)
                .query(Integer.class).single();
    }
}
