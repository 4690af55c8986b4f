package cn.civicloop.evaluation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.civicloop.evaluation.Period;
import cn.civicloop.evaluation.SubjectKind;

/**
 * The figures are counted by groups of facts and the formulas' conditions applied to the groups in Java: on a
 * generated month of every kind of fact, with random attributes, accepted exclusions and days on both edges of the
 * month, every count of every subject of every kind equals the conditional count in SQL of each row with the
 * drill-down's predicate (the aggregate the figures were computed with before), both through the draft's path and
 * one kind at a time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT) // the context of the API tests
class GroupedCountsTests {

    static final Period SEPTEMBER = Period.parse("2025-09");
    static final String[] OUTCOMES = {null, "RETURNED", "CHANGED", "REPLIED", "REWORKED", "REPEATED", "SATISFIED",
        "BASICALLY_SATISFIED", "DISSATISFIED", "RATED_1", "RATED_2", "RATED_3", "RATED_4", "RATED_5"};

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Calculator calculator;
    @Autowired
    Indicators indicators;

    @Test
    void everyCountOfTheGroupsEqualsTheConditionalCountOfTheRows() {
        long seed = System.nanoTime();
        Random r = new Random(seed);
        String prefix = "G" + UUID.randomUUID().toString().substring(0, 8);
        long dept = 920_000_000L + (seed % 1_000_000);
        // the subjects of this month only: fresh departments, units, chiefs and codes
        Map<SubjectKind, Set<String>> mine = new HashMap<>();
        for (SubjectKind kind : SubjectKind.values()) {
            mine.put(kind, new TreeSet<>());
        }
        List<String> cases = new ArrayList<>();
        for (int c = 0; c < 60; c++) {
            cases.add(prefix + "-" + c);
        }
        for (int i = 0; i < 900; i++) {
            Fact fact = Fact.values()[r.nextInt(Fact.values().length)];
            // from August 30th to October 2nd: the month and its edges (district days)
            LocalDate day = LocalDate.of(2025, 8, 30).plusDays(r.nextInt(34));
            Instant at = day.atStartOfDay(cn.civicloop.shared.DistrictTime.ZONE).toInstant().plusSeconds(3600);
            Long department = null;
            Long unit = null;
            String street = null;
            String grid = null;
            String area = null;
            Long chief = null;
            String block = null;
            String number = null;
            Integer priority = r.nextInt(3) == 0 ? null : 1 + r.nextInt(4);
            Long seconds = r.nextInt(3) == 0 ? null : (long) r.nextInt(2000);
            switch (fact.side()) {
                case CASES -> {
                    number = cases.get(r.nextInt(cases.size()));
                    department = dept + r.nextInt(3);
                    unit = r.nextInt(3) == 0 ? null : dept + 10 + r.nextInt(2);
                    street = r.nextInt(5) == 0 ? null : prefix + "S" + r.nextInt(2);
                    grid = r.nextInt(5) == 0 ? null : prefix + "G" + r.nextInt(3);
                }
                case ROADS -> {
                    area = prefix + "A" + r.nextInt(2);
                    chief = r.nextBoolean() ? null : dept + 20 + r.nextInt(2);
                }
                case POLICE -> {
                    block = prefix + "B" + r.nextInt(2);
                    priority = 1 + r.nextInt(4);
                }
            }
            boolean linkage = fact.side() == SubjectKind.Side.CASES && r.nextBoolean();
            jdbc.sql("""
                    insert into evaluation_fact (source, case_number, fact, department_id, unit_id, street_code,
                        grid_code, road_area_code, road_chief_id, police_block_code, priority, response_seconds,
                        occurred_at, fact_day, hit, first_dispatch, outcome, linkage)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(prefix + "/" + i, number, fact.name(), department, unit, street, grid, area, chief, block,
                            priority, seconds, Timestamp.from(at), Date.valueOf(day), r.nextBoolean(), r.nextBoolean(),
                            OUTCOMES[r.nextInt(OUTCOMES.length)], linkage)
                    .update();
            if (!day.isBefore(SEPTEMBER.from()) && !day.isAfter(SEPTEMBER.to())) {
                add(mine, SubjectKind.DEPARTMENT, department);
                add(mine, SubjectKind.LINKAGE, linkage ? department : null);
                add(mine, SubjectKind.UNIT, unit);
                add(mine, SubjectKind.STREET, street);
                add(mine, SubjectKind.GRID, grid);
                add(mine, SubjectKind.ROAD_AREA, area);
                add(mine, SubjectKind.ROAD_CHIEF, chief);
                add(mine, SubjectKind.POLICE_BLOCK, block);
            }
        }
        // accepted exclusions on a third of the cases, one of them the code of 按期办结率 with its underscore as any
        // character: the SQL's LIKE takes it out of that indicator too, and so must the groups
        List<String> codes = indicators.all().stream().map(Indicator::code).toList();
        for (int c = 0; c < cases.size(); c += 3) {
            StringBuilder excluded = new StringBuilder(",");
            for (String code : codes) {
                if (r.nextInt(4) == 0) {
                    excluded.append(code).append(',');
                }
            }
            if (c == 0) {
                excluded.append("ONXTIME,");
            }
            jdbc.sql("insert into evaluation_exclusion (case_number, indicators) values (?, ?)")
                    .params(cases.get(c), excluded.toString()).update();
        }
        assertThat(mine.values()).as("every kind has subjects in the month (seed %d)", seed).allMatch(s -> !s.isEmpty());

        List<Indicator> all = indicators.all();
        Map<SubjectKind, List<Calculator.Figures>> drafted = calculator.computeAll(SEPTEMBER, all);
        for (SubjectKind kind : SubjectKind.values()) {
            Map<String, Map<String, Calculator.Value>> expected = conditionalCounts(kind, all, mine.get(kind));
            assertThat(expected.keySet()).isEqualTo(mine.get(kind));
            assertThat(mineOnly(drafted.get(kind), mine.get(kind))).as("%s as the draft computes it (seed %d)", kind,
                    seed).isEqualTo(expected);
            assertThat(mineOnly(calculator.compute(SEPTEMBER, kind, all), mine.get(kind)))
                    .as("%s alone (seed %d)", kind, seed).isEqualTo(expected);
        }
    }

    private static void add(Map<SubjectKind, Set<String>> mine, SubjectKind kind, Object key) {
        if (key != null) {
            mine.get(kind).add(String.valueOf(key));
        }
    }

    private static Map<String, Map<String, Calculator.Value>> mineOnly(List<Calculator.Figures> figures,
            Set<String> mine) {
        return figures.stream().filter(f -> mine.contains(f.subjectKey()))
                .collect(Collectors.toMap(Calculator.Figures::subjectKey, Calculator.Figures::values));
    }

    /** Each count of each formula as one conditional sum over the rows, with the drill-down's predicate. */
    private Map<String, Map<String, Calculator.Value>> conditionalCounts(SubjectKind kind, List<Indicator> all,
            Set<String> mine) {
        List<Indicator> applicable = all.stream().filter(i -> i.appliesTo(kind)).toList();
        StringBuilder select = new StringBuilder("select cast(f." + kind.column() + " as varchar(40)) as subject");
        int column = 0;
        for (Indicator indicator : applicable) {
            for (Formula.Term term : indicator.formula().terms()) {
                select.append(", sum(case when ").append(Calculator.predicate(indicator.code(), term))
                        .append(" then 1 else 0 end) as c").append(column++);
            }
        }
        String sql = select + """
                 from evaluation_fact f left join evaluation_exclusion x on x.case_number = f.case_number
                where f.fact_day between ? and ? and f.%s is not null%s group by f.%s""".formatted(kind.column(),
                Calculator.holders(kind), kind.column());
        Map<String, Map<String, Calculator.Value>> bySubject = new LinkedHashMap<>();
        jdbc.sql(sql).params(Date.valueOf(SEPTEMBER.from()), Date.valueOf(SEPTEMBER.to())).query(rs -> {
            String subject = rs.getString("subject");
            if (!mine.contains(subject)) {
                return;
            }
            Map<String, Calculator.Value> values = new LinkedHashMap<>();
            int c = 0;
            for (Indicator indicator : applicable) {
                Map<Formula.Term, Long> counts = new LinkedHashMap<>();
                Map<String, Long> inputs = new LinkedHashMap<>();
                for (Formula.Term term : indicator.formula().terms()) {
                    long n = rs.getLong("c" + c++);
                    counts.put(term, n);
                    inputs.put(term.key(), n);
                }
                values.put(indicator.code(), new Calculator.Value(indicator.formula().evaluate(counts), inputs));
            }
            bySubject.put(subject, values);
        });
        return bySubject;
    }
}
