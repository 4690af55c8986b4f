package cn.civicloop.evaluation.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.civicloop.evaluation.Period;
import cn.civicloop.evaluation.SubjectKind;

/**
 * Computes indicators from the fact table: per subject kind and period, each subject's facts are counted in SQL by
 * the attributes the formulas' conditions test, and every count of a formula is the sum of the groups its conditions
 * let through, tested as the drill-down's predicate ({@link #predicate}) tests a row, so a list always matches its
 * number. A case an accepted objection excludes from an indicator drops out of that indicator's counts only.
 */
@Component
public class Calculator {

    /** An indicator's value for one subject, with the counts it was computed from. */
    public record Value(Double raw, Map<String, Long> inputs) {
    }

    /** The figures of one subject: indicator code → value. */
    public record Figures(String subjectKey, Map<String, Value> values) {
    }

    /** A fact behind a figure. */
    public record Row(long id, String caseNumber, String fact, java.time.Instant occurredAt, java.time.LocalDate day,
            boolean hit, String outcome, String reference, Integer priority, Long seconds) {

        /** A fact of the road system (no case behind it: the reference names the whistle or the issue). */
        public boolean road() {
            return Fact.valueOf(fact).road();
        }
    }

    /** The kinds figured from the cases' facts, computed in one scan where the database has grouping sets. */
    private static final List<SubjectKind> CASE_KINDS = List.of(SubjectKind.DEPARTMENT, SubjectKind.LINKAGE,
            SubjectKind.UNIT, SubjectKind.STREET, SubjectKind.GRID);

    private final JdbcClient jdbc;
    private final boolean groupingSets;

    @org.springframework.beans.factory.annotation.Autowired
    Calculator(JdbcClient jdbc, javax.sql.DataSource dataSource) {
        this(jdbc, postgres(dataSource));
    }

    Calculator(JdbcClient jdbc, boolean groupingSets) {
        this.jdbc = jdbc;
        this.groupingSets = groupingSets;
    }

    Calculator(JdbcClient jdbc) {
        this(jdbc, false);
    }

    private static boolean postgres(javax.sql.DataSource dataSource) {
        try {
            return org.springframework.jdbc.support.JdbcUtils.extractDatabaseMetaData(dataSource,
                    java.sql.DatabaseMetaData::getDatabaseProductName).toLowerCase(java.util.Locale.ROOT)
                    .contains("postgres");
        } catch (org.springframework.jdbc.support.MetaDataAccessException unknown) {
            return false;
        }
    }

    /**
     * The figures of every subject of every kind in {@code period}, each kind with the indicators figured for it.
     * On PostgreSQL the five kinds of the cases are one scan of the period's facts (grouping sets: each kind is one
     * set of the same count by subject and attributes as {@link #compute}); elsewhere one count per kind.
     */
    public Map<SubjectKind, List<Figures>> computeAll(Period period, List<Indicator> indicators) {
        Map<SubjectKind, List<Figures>> all = new java.util.EnumMap<>(SubjectKind.class);
        for (SubjectKind kind : SubjectKind.values()) {
            if (!groupingSets || kind.side() != SubjectKind.Side.CASES) {
                all.put(kind, compute(period, kind, indicators));
            }
        }
        if (groupingSets) {
            // PostgreSQL compiles a statement this costly with JIT; compiling it took 0.6-0.8 s of a 2-3 s month and
            // made the aggregate no faster (EXPLAIN ANALYZE, docs/evaluation.md): off for the computing transaction
            jdbc.sql("select set_config('jit', 'off', true)").query(String.class).single();
            all.putAll(caseKindsInOneScan(period, indicators));
        }
        return all;
    }

    /**
     * The attributes a condition tests: the facts of a subject are counted per combination of them in SQL (a few
     * dozen groups a subject), and the formulas are evaluated on those counts ({@link FactGroup}). The seconds to
     * scene enter only as whether there are any: a median or p90 needs the values themselves and is computed from
     * the facts by {@code percentile_cont} ({@link PoliceResponses#versionFigures}). On PostgreSQL, statistics of
     * the distinct combinations (V410) let the planner count them in hash tables instead of sorting the month.
     */
    private static final String ATTRIBUTES = "f.fact, f.hit, f.first_dispatch, f.outcome, f.priority,"
            + " (f.response_seconds is not null)";

    private static final String ATTRIBUTE_COLUMNS = "f.fact, f.hit, f.first_dispatch, f.outcome, f.priority,"
            + " (f.response_seconds is not null) as onscene";

    private Map<SubjectKind, List<Figures>> caseKindsInOneScan(Period period, List<Indicator> indicators) {
        StringBuilder notRoad = new StringBuilder();
        for (Fact fact : Fact.values()) {
            if (fact.side() != SubjectKind.Side.CASES) {
                notRoad.append(notRoad.isEmpty() ? "'" : ", '").append(fact.name()).append("'");
            }
        }
        // a department's groups are the sum of its linked and other ones: four sets, not five
        String sql = """
                select grouping(f.department_id) as g_department, grouping(f.unit_id) as g_unit,
                    grouping(f.street_code) as g_street, f.linkage, cast(f.department_id as varchar(40)) as department,
                    cast(f.unit_id as varchar(40)) as unit, f.street_code, f.grid_code, %s, count(*) as n
                from evaluation_fact f
                where f.fact_day between ? and ? and f.fact not in (%s)
                group by grouping sets ((f.linkage, f.department_id, %s), (f.unit_id, %s), (f.street_code, %s),
                    (f.grid_code, %s))""".formatted(ATTRIBUTE_COLUMNS, notRoad, ATTRIBUTES, ATTRIBUTES,
                ATTRIBUTES, ATTRIBUTES);
        Map<SubjectKind, Map<String, List<FactGroup>>> byKind = new java.util.EnumMap<>(SubjectKind.class);
        CASE_KINDS.forEach(k -> byKind.put(k, new LinkedHashMap<>()));
        jdbc.sql(sql).params(Date.valueOf(period.from()), Date.valueOf(period.to())).query(rs -> {
            FactGroup group = group(rs, null);
            if (rs.getInt("g_department") == 0) {
                String department = rs.getString("department");
                if (department != null) {
                    add(byKind.get(SubjectKind.DEPARTMENT), department, group);
                    if (rs.getBoolean("linkage")) {
                        add(byKind.get(SubjectKind.LINKAGE), department, group);
                    }
                }
            } else if (rs.getInt("g_unit") == 0) {
                add(byKind.get(SubjectKind.UNIT), rs.getString("unit"), group);
            } else if (rs.getInt("g_street") == 0) {
                add(byKind.get(SubjectKind.STREET), rs.getString("street_code"), group);
            } else {
                add(byKind.get(SubjectKind.GRID), rs.getString("grid_code"), group);
            }
        });
        List<Exclusion> excluded = exclusions(period);
        List<Indicator> applicable = indicators.stream().filter(i -> i.appliesTo(SubjectKind.DEPARTMENT)).toList();
        Map<SubjectKind, List<Figures>> figures = new java.util.EnumMap<>(SubjectKind.class);
        byKind.forEach((kind, subjects) -> {
            excluded.stream().filter(e -> e.group().fact().side() == SubjectKind.Side.CASES)
                    .forEach(e -> e.takeOut(kind, subjects));
            figures.put(kind, figures(subjects, applicable));
        });
        return figures;
    }

    private static void add(Map<String, List<FactGroup>> subjects, String subject, FactGroup group) {
        if (subject != null) {
            subjects.computeIfAbsent(subject, k -> new ArrayList<>()).add(group);
        }
    }

    /** The figures of every subject of {@code kind} that has facts in {@code period}, for these indicators. */
    public List<Figures> compute(Period period, SubjectKind kind, List<Indicator> indicators) {
        String sql = """
                select cast(f.%s as varchar(40)) as subject, %s, count(*) as n
                from evaluation_fact f
                where f.fact_day between ? and ? and f.%s is not null%s
                group by f.%s, %s""".formatted(kind.column(), ATTRIBUTE_COLUMNS, kind.column(), holders(kind),
                kind.column(), ATTRIBUTES);
        Map<String, List<FactGroup>> subjects = new LinkedHashMap<>();
        jdbc.sql(sql).params(Date.valueOf(period.from()), Date.valueOf(period.to()))
                .query(rs -> {
                    add(subjects, rs.getString("subject"), group(rs, null));
                });
        Set<Fact> admitted = kind.side() == SubjectKind.Side.CASES ? EnumSet.allOf(Fact.class)
                : EnumSet.copyOf(Arrays.stream(Fact.values()).filter(f -> f.side() == kind.side()).toList());
        exclusions(period).stream().filter(e -> admitted.contains(e.group().fact()))
                .forEach(e -> e.takeOut(kind, subjects));
        return figures(subjects, indicators.stream().filter(i -> i.appliesTo(kind)).toList());
    }

    private static FactGroup group(ResultSet rs, String excluded) throws SQLException {
        int priority = rs.getInt("priority");
        Integer p = rs.wasNull() ? null : priority;
        return new FactGroup(Fact.valueOf(rs.getString("fact")), rs.getBoolean("hit"), rs.getBoolean("first_dispatch"),
                rs.getString("outcome"), p, rs.getBoolean("onscene"), excluded, rs.getLong("n"));
    }

    /**
     * Facts of the period whose case has accepted exclusions, counted by every subject column and attribute: few
     * (objections accepted are rare), so they are counted apart and taken out of the indicators they name, and the
     * month's count needs no join.
     */
    private record Exclusion(Map<SubjectKind, String> subjects, boolean linkage, FactGroup group) {

        /** Adds these facts, to be taken out, to the kind's subject when the kind counted them. */
        void takeOut(SubjectKind kind, Map<String, List<FactGroup>> bySubject) {
            List<FactGroup> groups = bySubject.get(subjects.get(kind));
            if (groups != null && (kind != SubjectKind.LINKAGE || linkage)) {
                groups.add(group);
            }
        }
    }

    private List<Exclusion> exclusions(Period period) {
        StringBuilder columns = new StringBuilder();
        StringBuilder grouping = new StringBuilder();
        for (SubjectKind kind : SubjectKind.values()) {
            if (kind != SubjectKind.LINKAGE) {
                columns.append("cast(f.").append(kind.column()).append(" as varchar(40)) as ").append(kind.column())
                        .append(", ");
                grouping.append("f.").append(kind.column()).append(", ");
            }
        }
        String sql = """
                select f.linkage, %s%s, x.indicators as excluded, count(*) as n
                from evaluation_exclusion x join evaluation_fact f on f.case_number = x.case_number
                where f.fact_day between ? and ?
                group by f.linkage, %s%s, x.indicators""".formatted(columns, ATTRIBUTE_COLUMNS, grouping,
                ATTRIBUTES);
        return jdbc.sql(sql).params(Date.valueOf(period.from()), Date.valueOf(period.to())).query((rs, n) -> {
            Map<SubjectKind, String> subjects = new java.util.EnumMap<>(SubjectKind.class);
            for (SubjectKind kind : SubjectKind.values()) {
                String key = rs.getString(kind.column());
                if (key != null) {
                    subjects.put(kind, key);
                }
            }
            return new Exclusion(subjects, rs.getBoolean("linkage"), group(rs, rs.getString("excluded")));
        }).list();
    }

    /**
     * Each subject's value of every indicator, from its counted groups: a term's count is the sum of the groups its
     * conditions let through, less the facts of those an exclusion of the indicator takes out; the predicate of
     * {@link #predicate} applied to groups.
     */
    private static List<Figures> figures(Map<String, List<FactGroup>> subjects, List<Indicator> indicators) {
        List<Formula> formulas = indicators.stream().map(Indicator::formula).toList();
        List<Figures> all = new ArrayList<>(subjects.size());
        subjects.forEach((subject, groups) -> {
            Map<String, Value> values = new LinkedHashMap<>();
            for (int i = 0; i < indicators.size(); i++) {
                String code = indicators.get(i).code();
                Formula formula = formulas.get(i);
                Map<Formula.Term, Long> byTerm = new LinkedHashMap<>();
                Map<String, Long> inputs = new LinkedHashMap<>();
                for (Formula.Term term : formula.terms()) {
                    long count = 0;
                    for (FactGroup g : groups) {
                        count += g.countIn(code, term);
                    }
                    byTerm.put(term, count);
                    inputs.put(term.key(), count);
                }
                values.put(code, new Value(formula.evaluate(byTerm), inputs));
            }
            all.add(new Figures(subject, values));
        });
        return all;
    }

    /**
     * The facts counted by {@code term} of {@code indicator} for one subject in {@code period}: the drill-down,
     * with the very predicate of the figure. Pages of at most {@code limit}, after fact id {@code afterId}.
     */
    public List<Row> rows(Period period, SubjectKind kind, String subjectKey, String indicatorCode, Formula.Term term,
            long afterId, int limit) {
        if (term.fact().side() != kind.side()) {
            return List.of();
        }
        String sql = """
                select f.id, f.case_number, f.fact, f.occurred_at, f.fact_day, f.hit, f.outcome, f.reference,
                    f.priority, f.response_seconds
                from evaluation_fact f left join evaluation_exclusion x on x.case_number = f.case_number
                where f.%s = ? and %s and f.fact_day between ? and ? and f.id > ?%s
                order by f.id fetch first ? rows only""".formatted(kind.column(), predicate(indicatorCode, term),
                holders(kind));
        // The subject is compared in the column's own type: a cast of the column would hide its index and read the
        // whole month of every subject (ADR 0030, drill-down speed).
        Object key = subjectKey;
        if (kind.numericKey()) {
            try {
                key = Long.parseLong(subjectKey);
            } catch (NumberFormatException notAnId) {
                return List.of();
            }
        }
        return jdbc.sql(sql).params(key, Date.valueOf(period.from()), Date.valueOf(period.to()), afterId, limit)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("case_number"), rs.getString("fact"),
                        rs.getTimestamp("occurred_at").toInstant(), rs.getDate("fact_day").toLocalDate(),
                        rs.getBoolean("hit"), rs.getString("outcome"), rs.getString("reference"),
                        rs.getObject("priority") == null ? null : rs.getInt("priority"),
                        rs.getObject("response_seconds") == null ? null : rs.getLong("response_seconds")))
                .list();
    }

    /**
     * The 110 linked agencies are scored on the cases the police desk handed them (channel 110社会联动), among
     * themselves; the same facts count for their department too.
     */
    static String holders(SubjectKind kind) {
        if (kind.side() != SubjectKind.Side.CASES) {
            // the road kinds and police blocks read their own side's facts only: a narrow range of the (day, fact) index
            StringBuilder in = new StringBuilder(" and f.fact in (");
            for (Fact fact : Fact.values()) {
                if (fact.side() == kind.side()) {
                    in.append(in.charAt(in.length() - 1) == '(' ? "'" : ", '").append(fact.name()).append("'");
                }
            }
            return in.append(")").toString();
        }
        return kind == SubjectKind.LINKAGE ? " and f.linkage = true" : "";
    }

    /**
     * The count behind a police block's median and p90 of one priority: its incidents with a unit on scene, as the
     * formula language writes it.
     */
    public static String responseCount(int priority) {
        return "count(POLICE_RESPONSE, p" + priority + " & onscene)";
    }

    /** The incidents behind a police block's median and p90 of {@code priority} (1 to 4), in fact id order. */
    public List<Row> responseRows(Period period, String block, int priority, long afterId, int limit) {
        Formula.Term term = Formula.parse(responseCount(priority)).terms().get(0);
        return rows(period, SubjectKind.POLICE_BLOCK, block, "POLICE_ON_TIME", term, afterId, limit);
    }

    /** The drill-down of the {@code termIndex}-th count of {@code indicator}'s formula. */
    public List<Row> rows(Period period, SubjectKind kind, String subjectKey, Indicator indicator, int termIndex,
            long afterId, int limit) {
        List<Formula.Term> terms = indicator.formula().terms();
        if (termIndex < 0 || termIndex >= terms.size()) {
            throw new cn.civicloop.shared.InvalidInputException("term",
                    cn.civicloop.shared.Phrase.of("problem.evaluation.formula-terms", "公式只有{0}项计数", terms.size()));
        }
        return rows(period, kind, subjectKey, indicator.code(), terms.get(termIndex), afterId, limit);
    }

    /**
     * Whether a fact row counts in {@code term} of {@code indicatorCode}: built only from the fact enum, the fixed
     * condition table and an indicator code that matched the stored ones, never from free text.
     */
    static String predicate(String indicatorCode, Formula.Term term) {
        if (!indicatorCode.matches("[A-Z0-9_]{1,24}")) {
            throw new IllegalArgumentException("indicator code " + indicatorCode);
        }
        StringBuilder p = new StringBuilder("(f.fact = '").append(term.fact().name()).append("'");
        for (String condition : term.conditions()) {
            p.append(" and ").append(Formula.CONDITIONS.get(condition));
        }
        p.append(" and (x.indicators is null or x.indicators not like '%,").append(indicatorCode).append(",%'))");
        return p.toString();
    }
}
