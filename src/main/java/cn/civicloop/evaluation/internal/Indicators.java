package cn.civicloop.evaluation.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import cn.civicloop.shared.AuditTrail;
import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.shared.NotFoundException;
import cn.civicloop.shared.Phrase;

/** The indicators and their history; an edit makes a new version and never touches a published figure. */
@Repository
public class Indicators {

    /** A past version, with who changed it and why. */
    public record Version(int version, String nameZh, String nameEn, String formula, String direction, String unit,
            String changedBy, Instant changedAt, String reason) {
    }

    /** What an edit sets. */
    public record Change(String nameZh, String nameEn, String formula, String direction, String unit, String reason) {
    }

    private static final Set<String> DIRECTIONS = Set.of("HIGHER", "LOWER");
    private static final Set<String> UNITS = Set.of("PERCENT", "COUNT");

    private final JdbcClient jdbc;
    private final Audit audit;
    private final AuditTrail trail;
    private final Clock clock;

    Indicators(JdbcClient jdbc, Audit audit, Clock clock, AuditTrail trail) {
        this.trail = trail;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    public List<Indicator> all() {
        return jdbc.sql("select * from evaluation_indicator order by sort_order, code").query((rs, n) -> new Indicator(
                rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"), rs.getString("formula"),
                rs.getString("direction"), rs.getString("unit"), rs.getString("basis"), rs.getInt("sort_order"),
                rs.getInt("version"))).list();
    }

    public Indicator get(String code) {
        return all().stream().filter(i -> i.code().equals(code)).findFirst()
                .orElseThrow(() -> new NotFoundException(Phrase.of("problem.evaluation.no-indicator", "没有此指标：{0}", code)));
    }

    public List<Version> history(String code) {
        get(code);
        return jdbc.sql("select * from evaluation_indicator_history where code = ? order by version")
                .param(code).query((rs, n) -> new Version(rs.getInt("version"), rs.getString("name_zh"),
                        rs.getString("name_en"), rs.getString("formula"), rs.getString("direction"),
                        rs.getString("unit"), rs.getString("changed_by"), rs.getTimestamp("changed_at").toInstant(),
                        rs.getString("reason")))
                .list();
    }

    /** Edits an indicator: the formula must parse, the reason is required; the old version stays in the history. */
    @Transactional
    public Indicator edit(String code, Change change, String actor) {
        Indicator old = get(code);
        String reason = required("reason", change.reason(), 500);
        String zh = required("nameZh", change.nameZh(), 60);
        String en = required("nameEn", change.nameEn(), 80);
        String formula = Formula.parse(change.formula()).text();
        if (!DIRECTIONS.contains(change.direction())) {
            throw new InvalidInputException("direction", Phrase.of("problem.evaluation.direction", "方向应为 HIGHER 或 LOWER"));
        }
        if (!UNITS.contains(change.unit())) {
            throw new InvalidInputException("unit", Phrase.of("problem.evaluation.unit", "单位应为 PERCENT 或 COUNT"));
        }
        int version = old.version() + 1;
        Instant now = clock.instant();
        jdbc.sql("""
                update evaluation_indicator set name_zh = ?, name_en = ?, formula = ?, direction = ?, unit = ?,
                    version = ?, changed_by = ?, changed_at = ? where code = ?""")
                .params(zh, en, formula, change.direction(), change.unit(), version, actor, Timestamp.from(now), code)
                .update();
        jdbc.sql("""
                insert into evaluation_indicator_history (code, version, name_zh, name_en, formula, direction, unit,
                    changed_by, changed_at, reason) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(code, version, zh, en, formula, change.direction(), change.unit(), actor, Timestamp.from(now),
                        reason)
                .update();
        audit.record(actor, "INDICATOR", code, "EDITED", "v" + version + ": " + old.formulaText() + " → " + formula
                + " (" + reason + ")");
        Indicator edited = get(code);
        trail.change("CONFIG_CHANGE", "indicator " + code, old, edited);
        return edited;
    }

    static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, Phrase.of("problem.evaluation.required", "必填：{0}", field));
        }
        if (value.strip().length() > max) {
            throw new InvalidInputException(field, Phrase.of("problem.evaluation.too-long", "过长，最多{1}字：{0}", field, max));
        }
        return value.strip();
    }
}
