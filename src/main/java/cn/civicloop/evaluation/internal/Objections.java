package cn.civicloop.evaluation.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import cn.civicloop.directory.Actor;
import cn.civicloop.shared.ConflictException;
import cn.civicloop.shared.ForbiddenException;
import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.shared.NotFoundException;
import cn.civicloop.shared.Phrase;

/**
 * Objections (申诉/剔除): a department asks that a case not count in named indicators, with a reason and evidence;
 * the evaluation office accepts or refuses with a reason. An accepted objection removes the case from those
 * indicators only. After the first publication of the month of the case's latest fact, objections are taken for
 * {@code objectionDays} days. Every step is in the audit.
 */
@Repository
public class Objections {

    public static final Set<String> REASONS = Set.of("UNREASONABLE_DEMAND", "NOT_JURISDICTION", "FORCE_MAJEURE",
            "OTHER");

    public record Objection(long id, String caseNumber, Long departmentId, List<String> indicators, String reasonKind,
            String reason, String evidence, String status, String filedBy, Instant filedAt, String decidedBy,
            Instant decidedAt, String decisionReason) {
    }

    public record Filing(String caseNumber, List<String> indicators, String reasonKind, String reason,
            String evidence) {
    }

    private final JdbcClient jdbc;
    private final Indicators indicators;
    private final Audit audit;
    private final EvaluationProperties properties;
    private final Clock clock;

    Objections(JdbcClient jdbc, Indicators indicators, Audit audit, EvaluationProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.indicators = indicators;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** A department member objects for a case his department or unit was counted for. */
    @Transactional
    public Objection file(Filing filing, Actor actor) {
        String number = Indicators.required("caseNumber", filing.caseNumber(), 24);
        if (!REASONS.contains(filing.reasonKind())) {
            throw new InvalidInputException("reasonKind", Phrase.of("problem.evaluation.reason-kind", "理由类别应为 {0} 之一",
                    String.join("、", REASONS)));
        }
        String reason = Indicators.required("reason", filing.reason(), 2000);
        String evidence = filing.evidence() == null || filing.evidence().isBlank() ? null : filing.evidence().strip();
        if (evidence != null && evidence.length() > 2000) {
            throw new InvalidInputException("evidence", Phrase.of("problem.evaluation.evidence-too-long", "证据说明最多2000字"));
        }
        Set<String> codes = codes(filing.indicators());
        List<Long> counted = jdbc.sql("select distinct coalesce(unit_id, department_id) from evaluation_fact"
                + " where case_number = ? and department_id is not null union select distinct department_id"
                + " from evaluation_fact where case_number = ? and department_id is not null")
                .params(number, number).query(Long.class).list();
        if (counted.isEmpty()) {
            throw new NotFoundException(Phrase.of("problem.evaluation.case-not-counted", "此工单未计入考评：{0}", number));
        }
        if (actor.departmentId() == null || !counted.contains(actor.departmentId())) {
            throw new ForbiddenException(
                    Phrase.of("problem.evaluation.case-not-yours", "只能对计入本单位考评的工单申诉"));
        }
        LocalDate latest = jdbc.sql("select max(fact_day) from evaluation_fact where case_number = ?").param(number)
                .query(LocalDate.class).single();
        Instant published = firstPublication(latest.toString().substring(0, 7));
        Instant now = clock.instant();
        if (published != null && now.isAfter(published.plus(java.time.Duration.ofDays(properties.objectionDays())))) {
            throw new ConflictException(Phrase.of("problem.evaluation.objection-period-over",
                    "申诉期已过：{0} 已于发布后{1}日截止", latest.toString().substring(0, 7), properties.objectionDays()));
        }
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into evaluation_objection (case_number, department_id, indicators, reason_kind, reason, evidence,
                    status, filed_by, filed_at) values (?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)""")
                .params(number, actor.departmentId(), String.join(",", codes), filing.reasonKind(), reason, evidence,
                        actor.username(), Timestamp.from(now))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        audit.record(actor.username(), "OBJECTION", String.valueOf(id), "FILED",
                number + " " + codes + " " + filing.reasonKind() + ": " + reason);
        return get(id);
    }

    /** The evaluation office decides; an accepted objection takes the case out of the named indicators. */
    @Transactional
    public Objection decide(long id, boolean accept, String reason, Actor actor) {
        String why = Indicators.required("reason", reason, 2000);
        Objection o = get(id);
        if (!"PENDING".equals(o.status())) {
            throw new ConflictException(Phrase.of("problem.evaluation.already-decided", "此申诉{0}",
                    Phrase.of("evaluation.objection.status." + o.status(), o.status())));
        }
        String status = accept ? "ACCEPTED" : "REFUSED";
        jdbc.sql("update evaluation_objection set status = ?, decided_by = ?, decided_at = ?, decision_reason = ?"
                + " where id = ? and status = 'PENDING'")
                .params(status, actor.username(), Timestamp.from(clock.instant()), why, id).update();
        if (accept) {
            Set<String> all = new TreeSet<>(o.indicators());
            jdbc.sql("select indicators from evaluation_exclusion where case_number = ?").param(o.caseNumber())
                    .query(String.class).optional().ifPresent(old -> {
                        for (String c : old.split(",")) {
                            if (!c.isBlank()) {
                                all.add(c);
                            }
                        }
                    });
            String value = "," + String.join(",", all) + ",";
            if (jdbc.sql("update evaluation_exclusion set indicators = ? where case_number = ?")
                    .params(value, o.caseNumber()).update() == 0) {
                jdbc.sql("insert into evaluation_exclusion (case_number, indicators) values (?, ?)")
                        .params(o.caseNumber(), value).update();
            }
        }
        audit.record(actor.username(), "OBJECTION", String.valueOf(id), status, o.caseNumber() + ": " + why);
        return get(id);
    }

    public Objection get(long id) {
        return jdbc.sql("select * from evaluation_objection where id = ?").param(id).query(Objections::row)
                .optional().orElseThrow(() -> new NotFoundException(Phrase.of("problem.evaluation.no-objection", "没有此申诉：{0}", id)));
    }

    /** Newest first, at most {@code limit}; {@code departmentId} null: every department. */
    public List<Objection> list(String status, Long departmentId, int limit) {
        // conditions only for what is asked: PostgreSQL cannot type a null parameter that is only compared
        StringBuilder sql = new StringBuilder("select * from evaluation_objection where 1 = 1");
        List<Object> params = new java.util.ArrayList<>();
        if (status != null) {
            sql.append(" and status = ?");
            params.add(status);
        }
        if (departmentId != null) {
            sql.append(" and department_id = ?");
            params.add(departmentId);
        }
        params.add(limit);
        return jdbc.sql(sql.append(" order by id desc fetch first ? rows only").toString()).params(params)
                .query(Objections::row).list();
    }

    private Instant firstPublication(String month) {
        return jdbc.sql("select min(published_at) from evaluation_snapshot where period = ? and status = 'PUBLISHED'")
                .param(month).query((rs, n) -> rs.getTimestamp(1)).optional()
                .map(t -> t == null ? null : t.toInstant()).orElse(null);
    }

    private Set<String> codes(List<String> wanted) {
        if (wanted == null || wanted.isEmpty()) {
            throw new InvalidInputException("indicators", Phrase.of("problem.evaluation.indicators-required", "请选择要剔除的指标"));
        }
        Set<String> known = new TreeSet<>();
        indicators.all().forEach(i -> known.add(i.code()));
        Set<String> codes = new TreeSet<>();
        for (String c : wanted) {
            if (!known.contains(c)) {
                throw new InvalidInputException("indicators",
                        Phrase.of("problem.evaluation.no-indicator", "没有此指标：{0}", c));
            }
            codes.add(c);
        }
        return codes;
    }

    private static Objection row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        long dept = rs.getLong("department_id");
        Long department = rs.wasNull() ? null : dept; // wasNull() speaks of the last column read
        return new Objection(rs.getLong("id"), rs.getString("case_number"), department,
                List.of(rs.getString("indicators").split(",")), rs.getString("reason_kind"), rs.getString("reason"),
                rs.getString("evidence"), rs.getString("status"), rs.getString("filed_by"),
                rs.getTimestamp("filed_at").toInstant(), rs.getString("decided_by"),
                decided == null ? null : decided.toInstant(), rs.getString("decision_reason"));
    }
}
