package cn.civicloop.evaluation.internal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import cn.civicloop.evaluation.SubjectKind;
import cn.civicloop.shared.AuditTrail;
import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.shared.Phrase;

/** The composite score's weights per subject kind (综合成绩权重); a set must sum to 1. */
@Repository
public class Weights {

    private final JdbcClient jdbc;
    private final Indicators indicators;
    private final Audit audit;
    private final AuditTrail trail;

    Weights(JdbcClient jdbc, Indicators indicators, Audit audit, AuditTrail trail) {
        this.trail = trail;
        this.jdbc = jdbc;
        this.indicators = indicators;
        this.audit = audit;
    }

    public Map<String, Double> of(SubjectKind kind) {
        Map<String, Double> weights = new LinkedHashMap<>();
        jdbc.sql("select indicator_code, weight from evaluation_weight where subject_kind = ? order by indicator_code")
                .param(kind.name()).query(rs -> {
                    weights.put(rs.getString(1), rs.getBigDecimal(2).doubleValue());
                });
        return weights;
    }

    /** Replaces the set of {@code kind}: shares only, each above 0 and at most 1, summing to exactly 1. */
    @Transactional
    public void set(SubjectKind kind, Map<String, BigDecimal> weights, String reason, String actor) {
        Indicators.required("reason", reason, 500);
        if (weights == null || weights.isEmpty()) {
            throw new InvalidInputException("weights", Phrase.of("problem.evaluation.weights-empty", "至少给一个指标赋权重"));
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (var e : weights.entrySet()) {
            Indicator indicator = indicators.all().stream().filter(i -> i.code().equals(e.getKey())).findFirst()
                    .orElseThrow(() -> new InvalidInputException("weights",
                            Phrase.of("problem.evaluation.no-indicator", "没有此指标：{0}", e.getKey())));
            if (!indicator.appliesTo(kind)) {
                throw new InvalidInputException("weights",
                        Phrase.of("problem.evaluation.indicator-not-for-kind", "此指标不适用于{1}：{0}", e.getKey(),
                                Phrase.of("evaluation.kind." + kind.name(), kind.name())));
            }
            if (!indicator.percent()) {
                throw new InvalidInputException("weights",
                        Phrase.of("problem.evaluation.count-not-weighted", "件数类指标不能计入综合成绩：{0}", e.getKey()));
            }
            if (e.getValue() == null || e.getValue().signum() <= 0 || e.getValue().compareTo(BigDecimal.ONE) > 0
                    || e.getValue().scale() > 4) {
                throw new InvalidInputException("weights",
                        Phrase.of("problem.evaluation.weight-range", "权重应大于0、不超过1，最多4位小数：{0}", e.getKey()));
            }
            sum = sum.add(e.getValue());
        }
        if (sum.compareTo(BigDecimal.ONE) != 0) {
            throw new InvalidInputException("weights",
                    Phrase.of("problem.evaluation.weights-sum", "权重之和应为1，现为{0}", sum.toPlainString()));
        }
        Map<String, Double> before = of(kind);
        jdbc.sql("delete from evaluation_weight where subject_kind = ?").param(kind.name()).update();
        weights.forEach((code, w) -> jdbc.sql(
                "insert into evaluation_weight (subject_kind, indicator_code, weight) values (?, ?, ?)")
                .params(kind.name(), code, w).update());
        audit.record(actor, "WEIGHTS", kind.name(), "SET", before + " → " + weights + " (" + reason.strip() + ")");
        trail.change("CONFIG_CHANGE", "evaluation weights " + kind.name(), before, of(kind));
    }
}
