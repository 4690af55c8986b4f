package cn.civicloop.cases.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.civicloop.cases.Channel;
import cn.civicloop.cases.Satisfaction;
import cn.civicloop.shared.PersonalDataCipher;

/**
 * Everyone who reported the event of a case. A merged duplicate copies its reporters here, so that all of them
 * are told, asked at follow-up and counted, not only the first. Each row remembers the reporter's own case (the
 * number and code he was given): the case itself for its first reporter, the duplicate for a merged one. The first
 * reporter's row holds no contact: his name and phone are the case's own and are read from it (ADR 0059); a merged
 * reporter's row holds a copy of his, made at the merge.
 */
@Repository
class Reporters {

    /** The reporter's own case: the duplicate he reported on, or the case itself. */
    private static final String OWN = "coalesce(r.merged_from, r.case_id)";

    /** A reporter of a case with the number he knows and his follow-up answer, if he gave one this round. */
    record Reporter(long id, long ownCaseId, String ownNumber, Channel channel, String contactName,
            String contactPhone, Boolean resolved, Satisfaction satisfaction, Instant answeredAt) {
    }

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;

    Reporters(JdbcClient jdbc, PersonalDataCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** The case's first reporter: his contact stays on the case, not copied here. */
    void addOriginal(Case c) {
        jdbc.sql("""
                insert into cases_reporter (case_id, channel, external_ref, anonymous, reported_at)
                values (?, ?, ?, ?, ?)""")
                .params(c.id, c.channel.name(), c.externalRef, c.anonymous, Cases.ts(c.createdAt))
                .update();
    }

    /**
     * Copies the reporters of {@code duplicate} to {@code target}, each remembering his own case (a reporter the
     * duplicate had itself gained by a merge keeps the case he reported on). The copy holds each one's contact: the
     * duplicate's first reporter's is read from the duplicate.
     */
    void moveAll(long duplicateId, long targetId, Instant at) {
        jdbc.sql("""
                insert into cases_reporter (case_id, channel, external_ref, contact_name, contact_phone,
                    contact_phone_hash, anonymous, reported_at, merged_from)
                select ?, r.channel, r.external_ref, case when r.merged_from is null then c.contact_name
                        else r.contact_name end, case when r.merged_from is null then c.contact_phone
                        else r.contact_phone end, case when r.merged_from is null then c.contact_phone_hash
                        else r.contact_phone_hash end, r.anonymous, r.reported_at, coalesce(r.merged_from, r.case_id)
                from cases_reporter r join cases_case c on c.id = r.case_id where r.case_id = ?""")
                .params(targetId, duplicateId).update();
    }

    int count(long caseId) {
        return jdbc.sql("select count(*) from cases_reporter where case_id = ?").param(caseId)
                .query(Integer.class).single();
    }

    /** The reporters of a case, first reporter first (his contact the case's). */
    List<Reporter> of(long caseId) {
        return of("?", caseId);
    }

    /** The reporters of case {@code number}, first reporter first, in one statement (none when no such case). */
    List<Reporter> ofNumber(String number) {
        return of("(select id from cases_case where number = ?)", number);
    }

    private List<Reporter> of(String caseId, Object param) {
        return jdbc.sql("select r.id, " + OWN + " as own_id, c.number as own_number, r.channel, case when "
                        + "r.merged_from is null then c.contact_name else r.contact_name end as contact_name, case when "
                        + "r.merged_from is null then c.contact_phone else r.contact_phone end as contact_phone, "
                        + "r.follow_up_resolved, r.satisfaction, r.answered_at from cases_reporter r "
                        + "join cases_case c on c.id = " + OWN + " where r.case_id = " + caseId + " order by r.id")
                .param(param)
                .query((rs, n) -> new Reporter(rs.getLong("id"), rs.getLong("own_id"), rs.getString("own_number"),
                        Channel.valueOf(rs.getString("channel")), cipher.open(rs.getString("contact_name")),
                        cipher.open(rs.getString("contact_phone")), rs.getObject("follow_up_resolved", Boolean.class),
                        rs.getString("satisfaction") == null ? null : Satisfaction.valueOf(rs.getString("satisfaction")),
                        Cases.instant(rs, "answered_at")))
                .list();
    }

    /** The answer the reporter whose own case is {@code ownCaseId} gave on {@code caseId} this round, if any. */
    Optional<Reporter> answerOf(long caseId, long ownCaseId) {
        return of(caseId).stream().filter(r -> r.ownCaseId() == ownCaseId && r.answeredAt() != null).findFirst();
    }

    /** Records the follow-up answer of the reporter(s) whose own case is {@code ownCaseId}. */
    void answered(long caseId, long ownCaseId, boolean resolved, Satisfaction satisfaction, Instant at) {
        jdbc.sql("update cases_reporter r set follow_up_resolved = ?, satisfaction = ?, answered_at = ? "
                        + "where r.case_id = ? and " + OWN + " = ?")
                .params(resolved, satisfaction.name(), Cases.ts(at), caseId, ownCaseId).update();
    }

    /** How many reporters of the case have not answered the follow-up yet. */
    int unanswered(long caseId) {
        return jdbc.sql("select count(*) from cases_reporter where case_id = ? and answered_at is null").param(caseId)
                .query(Integer.class).single();
    }

    /** A new round of handling (rework, reopening): every reporter is asked again. */
    void clearAnswers(long caseId) {
        jdbc.sql("update cases_reporter set follow_up_resolved = null, satisfaction = null, answered_at = null "
                        + "where case_id = ?").param(caseId).update();
    }
}
