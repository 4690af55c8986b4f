package cn.civicloop.cases.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.ContactErasure;
import cn.civicloop.cases.PublicCaseView;
import cn.civicloop.cases.StepRemark;
import cn.civicloop.directory.Actor;
import cn.civicloop.shared.AuditTrail;
import cn.civicloop.shared.Masking;
import cn.civicloop.shared.PersonalDataCipher;

/**
 * PIPL (个人信息保护法): the resident's name, phone and address of a case, and of everyone who reported it, are
 * masked for good — {@code 张*}, {@code 138****5678}, the address's first characters — once the case has been closed
 * for {@code civicloop.cases.personal-data-retention-days}, or at once when the resident asks with his tracking code.
 * The case, its timeline and its figures are kept; the phone's lookup hash is removed, so the case is no longer found
 * by that number. Each masking is a timeline entry (who, when, why), stored as its step
 * ({@code RETENTION_MASKED[]} by the system, {@code CONTACT_ERASED[]} by the resident).
 */
@Component
class PersonalDataRetention implements ContactErasure {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataRetention.class);
    static final int BATCH = 200;

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final Timeline timeline;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final CasesProperties properties;
    private final CaseLookup lookup;
    private final CaseViews views;
    private final AuditTrail audit;

    PersonalDataRetention(JdbcClient jdbc, PersonalDataCipher cipher, Timeline timeline, TransactionTemplate tx,
            Clock clock, CasesProperties properties, CaseLookup lookup, CaseViews views, AuditTrail audit) {
        this.audit = audit;
        this.lookup = lookup;
        this.views = views;
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.timeline = timeline;
        this.tx = tx;
        this.clock = clock;
        this.properties = properties;
    }

    /** Masks every case closed before the retention period, {@link #BATCH} per transaction; returns how many. */
    int maskExpired() {
        Instant cutoff = clock.instant().minus(Duration.ofDays(properties.personalDataRetentionDays()));
        int total = 0;
        while (true) {
            List<Long> ids = jdbc.sql("select id from cases_case where personal_data_masked_at is null "
                    + "and closed_at < ? order by closed_at, id limit " + BATCH).param(Timestamp.from(cutoff))
                    .query(Long.class).list();
            if (ids.isEmpty()) {
                break;
            }
            String remark = StepRemark.of(StepRemark.Kind.RETENTION_MASKED, null).stored(Required.MAX_REMARK);
            List<String> masked = tx.execute(s -> ids.stream().map(id -> mask(id, Actor.system(), remark))
                    .filter(java.util.Objects::nonNull).toList());
            // audited once the masking is committed, one row per case (which case, when; by the system)
            masked.forEach(number -> audit.personalDataMasked("case " + number,
                    "retention period of " + properties.personalDataRetentionDays()
                            + " days ended: name, phone and address of the case and its reporters masked"));
            total += ids.size();
        }
        if (total > 0) {
            log.info("PIPL retention: personal data of {} closed cases masked", total);
        }
        return total;
    }

    @Override
    public PublicCaseView eraseContact(String number, String token) {
        // his own case: the one his code was given for (a merged duplicate's own contact data, not the case it joined)
        Case c = lookup.resident(number, token).own();
        String masked = tx.execute(s -> mask(c.id, Actor.resident(),
                StepRemark.of(StepRemark.Kind.CONTACT_ERASED, null).stored(Required.MAX_REMARK)));
        audit.personalDataErased(c.number, masked != null
                ? "at the resident's request (number + tracking code): name, phone and address of the case and its "
                        + "reporters masked"
                : "at the resident's request: already masked, nothing left to erase");
        var access = lookup.resident(number, token);
        return views.publicView(access.own(), access.handling());
    }

    /**
     * Masks the personal data of one case and its reporters for good, with a timeline entry by {@code actor}; the
     * case's number, or null when it was masked already.
     */
    String mask(long caseId, Actor actor, String reason) {
        Instant now = clock.instant();
        var row = jdbc.sql("select number, contact_name, contact_phone, address, status, department_id from cases_case "
                + "where id = ? and personal_data_masked_at is null").param(caseId).query().listOfRows();
        if (row.isEmpty()) {
            return null;
        }
        var r = row.get(0);
        jdbc.sql("update cases_case set contact_name = ?, contact_phone = ?, address = ?, contact_phone_hash = null, "
                        + "personal_data_masked_at = ? where id = ?")
                .params(Masking.name(cipher.open((String) r.get("contact_name"))),
                        Masking.phone(cipher.open((String) r.get("contact_phone"))),
                        address(cipher.open((String) r.get("address"))), Timestamp.from(now), caseId)
                .update();
        // the copies of reporters a merge put on this case, and those of its reporters a merge put on the case it
        // joined; its first reporter's contact is the case's own, masked above (ADR 0059)
        for (var reporter : jdbc.sql("select id, contact_name, contact_phone from cases_reporter "
                        + "where (case_id = ? or merged_from = ?) and merged_from is not null")
                .params(caseId, caseId).query().listOfRows()) {
            jdbc.sql("update cases_reporter set contact_name = ?, contact_phone = ?, contact_phone_hash = null where id = ?")
                    .params(Masking.name(cipher.open((String) reporter.get("contact_name"))),
                            Masking.phone(cipher.open((String) reporter.get("contact_phone"))), reporter.get("id"))
                    .update();
        }
        var status = cn.civicloop.cases.CaseStatus.valueOf((String) r.get("status"));
        timeline.append(caseId, now, actor, CaseAction.NOTE, status, status, reason,
                r.get("department_id") == null ? null : ((Number) r.get("department_id")).longValue(), false);
        return (String) r.get("number");
    }

    /** The first four characters of an address (district, street), the rest starred. */
    static String address(String address) {
        if (address == null || address.isBlank()) {
            return address;
        }
        String a = address.strip();
        int keep = Math.min(4, a.codePointCount(0, a.length()));
        int end = a.offsetByCodePoints(0, keep);
        return a.substring(0, end) + "***";
    }
}
