package cn.civicloop.triage.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.civicloop.shared.Text;
import cn.civicloop.triage.HazardLevel;
import cn.civicloop.triage.HazardMatch;

/**
 * What triage decided for each case: the decision (with the hazard rule that matched), the ranked suggestions,
 * the likely duplicates, the feedback.
 */
@Repository
public class TriageRecords {

    private final JdbcClient jdbc;

    TriageRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Triage's decision on a case: the classifier's top category, the department triage chose (assigned by itself
     * when {@code autoRouted}), the routing rule or the hazard rule behind it, and the first correction by staff.
     */
    public record Decision(String caseNumber, String modelVersion, String topCategory, Double confidence,
            boolean autoRouted, boolean diverted, String departmentCode, Long ruleId, Instant decidedAt,
            String correction, HazardRecord hazard) {
    }

    /** The hazard or linkage rule that decided, as it was when it matched, and the phrase that made it match. */
    public record HazardRecord(long ruleId, String ruleName, HazardLevel level, String phrase, boolean refer110) {

        static HazardRecord of(HazardMatch m) {
            return m == null ? null : new HazardRecord(m.ruleId(), m.ruleName(), m.level(), m.phrase(), m.refer110());
        }
    }

    /** A ranked suggestion: category, confidence and where the catalogue would send it. */
    public record Suggestion(int rank, String category, double confidence, String departmentCode, String unitCode,
            Long ruleId) {
    }

    /** A case that may report the same event. */
    public record Duplicate(String duplicateOf, double similarity, Double distanceMeters, String reason) {
    }

    /**
     * Records the decision and its suggestions in one row; false (and nothing written) if the case has one already.
     */
    boolean decide(Decision d, List<Suggestion> suggestions) {
        HazardRecord h = d.hazard();
        return jdbc.sql("""
                insert into triage_decision (case_number, model_version, top_category, confidence, auto_routed, diverted,
                    department_code, rule_id, decided_at, hazard_rule_id, hazard_name, hazard_level, hazard_phrase,
                    refer_110, suggestions) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(d.caseNumber(), d.modelVersion(), d.topCategory(), d.confidence(), d.autoRouted(), d.diverted(),
                        d.departmentCode(), d.ruleId(), Timestamp.from(d.decidedAt()), h == null ? null : h.ruleId(),
                        h == null ? null : h.ruleName(), h == null ? null : h.level().name(),
                        h == null ? null : h.phrase(), h != null && h.refer110(), encode(suggestions))
                .update() == 1;
    }

    /** Between the fields of a suggestion: the ASCII unit separator, which no category name or code holds. */
    static final char FIELD = '\u001F';
    /** Between two suggestions: the ASCII record separator. */
    static final char RECORD = '\u001E';

    /**
     * The ranked suggestions as the decision's row holds them (ADR 0059): by rank, each one's category, confidence
     * to four decimals, department code, unit code and rule id joined by {@link #FIELD} (absent values empty), joined by
     * {@link #RECORD}; null for none.
     */
    static String encode(List<Suggestion> suggestions) {
        if (suggestions.isEmpty()) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (Suggestion s : suggestions.stream().sorted(java.util.Comparator.comparingInt(Suggestion::rank)).toList()) {
            if (!b.isEmpty()) {
                b.append(RECORD);
            }
            b.append(field(s.category())).append(FIELD)
                    .append(java.math.BigDecimal.valueOf(s.confidence()).setScale(4, java.math.RoundingMode.HALF_UP)
                            .stripTrailingZeros().toPlainString())
                    .append(FIELD).append(field(s.departmentCode())).append(FIELD).append(field(s.unitCode()))
                    .append(FIELD).append(s.ruleId() == null ? "" : s.ruleId().toString());
        }
        return b.toString();
    }

    /** The suggestions of {@link #encode}, ranked from 1. */
    static List<Suggestion> decode(String stored) {
        if (stored == null || stored.isEmpty()) {
            return List.of();
        }
        List<Suggestion> out = new ArrayList<>();
        for (String record : stored.split(String.valueOf(RECORD))) {
            String[] f = record.split(String.valueOf(FIELD), -1);
            out.add(new Suggestion(out.size() + 1, f[0], Double.parseDouble(f[1]), emptyToNull(f[2]),
                    emptyToNull(f[3]), f[4].isEmpty() ? null : Long.valueOf(f[4])));
        }
        return out;
    }

    private static String field(String value) {
        return value == null ? "" : value.replace(FIELD, ' ').replace(RECORD, ' ');
    }

    private static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }

    Optional<Decision> decision(String number) {
        return jdbc.sql("""
                select case_number, model_version, top_category, confidence, auto_routed, diverted, department_code,
                       rule_id, decided_at, correction, hazard_rule_id, hazard_name, hazard_level, hazard_phrase, refer_110
                from triage_decision where case_number = ?""").param(number)
                .query((rs, n) -> new Decision(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, Double.class), rs.getBoolean(5), rs.getBoolean(6), rs.getString(7),
                        rs.getObject(8, Long.class), rs.getTimestamp(9).toInstant(), rs.getString(10),
                        rs.getObject(11, Long.class) == null ? null : new HazardRecord(rs.getLong(11), rs.getString(12),
                                HazardLevel.valueOf(rs.getString(13)), rs.getString(14), rs.getBoolean(15))))
                .optional();
    }

    List<Suggestion> suggestions(String number) {
        return jdbc.sql("select suggestions from triage_decision where case_number = ?").param(number)
                .query((rs, n) -> decode(rs.getString(1))).optional().orElse(List.of());
    }

    void duplicate(String number, Duplicate d) {
        jdbc.sql("""
                insert into triage_duplicate (case_number, duplicate_of, similarity, distance_m, reason)
                values (?, ?, ?, ?, ?) on conflict do nothing""")
                .params(number, d.duplicateOf(), d.similarity(), d.distanceMeters(), d.reason()).update();
    }

    List<Duplicate> duplicates(String number) {
        return jdbc.sql("""
                select duplicate_of, similarity, distance_m, reason from triage_duplicate where case_number = ?
                order by similarity desc""").param(number)
                .query((rs, n) -> new Duplicate(rs.getString(1), rs.getDouble(2), rs.getObject(3, Double.class),
                        rs.getString(4)))
                .list();
    }

    /** Marks a decision corrected (first correction counts) and keeps the text with the label it implies. */
    void correct(String number, String kind, Long finalDepartmentId, String title, String content, String label,
            Instant at) {
        int updated = jdbc.sql("update triage_decision set correction = ?, final_department_id = ? where case_number = ? and correction is null")
                .params(kind, finalDepartmentId, number).update();
        if (updated == 1 && label != null) {
            jdbc.sql("insert into triage_feedback (case_number, title, content, label, kind, created_at) values (?, ?, ?, ?, ?, ?)")
                    .params(number, Text.withoutLongNumbers(title), Text.withoutLongNumbers(content), label, kind,
                            Timestamp.from(at)).update();
        }
    }

    /** Counts for the dispatchers' dashboard: how many were routed automatically and how many corrected. */
    public record Stats(long decided, long autoRouted, long diverted, long corrected, long reassigned, long returned,
            long feedbackExamples) {
    }

    Stats stats() {
        return new Stats(count("select count(*) from triage_decision"),
                count("select count(*) from triage_decision where auto_routed = true"),
                count("select count(*) from triage_decision where diverted = true"),
                count("select count(*) from triage_decision where correction is not null"),
                count("select count(*) from triage_decision where correction = 'REASSIGN'"),
                count("select count(*) from triage_decision where correction = 'RETURN'"),
                count("select count(*) from triage_feedback"));
    }

    List<String[]> feedback() {
        return jdbc.sql("select title, content, label from triage_feedback order by id")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
