package cn.civicloop.evaluation.internal;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import cn.civicloop.evaluation.Period;
import cn.civicloop.evaluation.SubjectKind;
import cn.civicloop.shared.ConflictException;
import cn.civicloop.shared.NotFoundException;
import cn.civicloop.shared.Phrase;

/**
 * Computed periods: a draft (recomputed at will), then published versions, never rewritten. Computing a period
 * after a publication makes the next version's draft; the published one stays as it was read.
 */
@Repository("evaluationSnapshots")
public class Snapshots {

    public record Snapshot(long id, String period, int version, String status, Instant computedAt, String computedBy,
            Instant publishedAt, String publishedBy) {
    }

    public record Score(SubjectKind kind, String subjectKey, String subjectName, Double score, String grade,
            Integer rank) {
    }

    public record Figure(SubjectKind kind, String subjectKey, String subjectName, String indicatorCode, Double value,
            String inputs) {
    }

    private static final int[] VALUE_TYPES = {Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
        Types.VARCHAR, Types.DOUBLE, Types.VARCHAR};
    private static final int[] SCORE_TYPES = {Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
        Types.DOUBLE, Types.VARCHAR, Types.INTEGER};

    private static final int[] POLICE_TYPES = {Types.BIGINT, Types.VARCHAR, Types.INTEGER, Types.BIGINT,
        Types.BIGINT, Types.BIGINT, Types.INTEGER, Types.DOUBLE, Types.DOUBLE};

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Calculator calculator;
    private final Indicators indicators;
    private final Weights weights;
    private final Scoring scoring;
    private final SubjectNames names;
    private final Audit audit;
    private final Clock clock;
    private final RoadResponses roads;
    private final PoliceResponses police;

    Snapshots(JdbcClient jdbc, JdbcTemplate batch, Calculator calculator, Indicators indicators, Weights weights,
            Scoring scoring, SubjectNames names, Audit audit, Clock clock, RoadResponses roads,
            PoliceResponses police) {
        this.roads = roads;
        this.police = police;
        this.jdbc = jdbc;
        this.batch = batch;
        this.calculator = calculator;
        this.indicators = indicators;
        this.weights = weights;
        this.scoring = scoring;
        this.names = names;
        this.audit = audit;
        this.clock = clock;
    }

    /** Computes {@code period} for every subject kind into its draft, replacing an older draft of the period. */
    @Transactional
    public Snapshot computeDraft(Period period, String actor) {
        Instant now = clock.instant();
        // a whistle's limit that passed unanswered has no event of its own: its missed facts are written now
        roads.settle();
        // cleared incidents whose event never came are taken in, and the hits follow the targets in force
        police.settle(period);
        Optional<Snapshot> draft = draft(period.key());
        draft.ifPresent(d -> {
            jdbc.sql("delete from evaluation_snapshot_value where snapshot_id = ?").param(d.id()).update();
            jdbc.sql("delete from evaluation_snapshot_score where snapshot_id = ?").param(d.id()).update();
            jdbc.sql("delete from evaluation_snapshot_police where snapshot_id = ?").param(d.id()).update();
            jdbc.sql("delete from evaluation_snapshot where id = ? and status = 'DRAFT'").param(d.id()).update();
        });
        int version = jdbc.sql("select coalesce(max(version), 0) + 1 from evaluation_snapshot where period = ?")
                .param(period.key()).query(Integer.class).single();
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("insert into evaluation_snapshot (period, version, status, computed_at, computed_by)"
                + " values (?, ?, 'DRAFT', ?, ?)").params(period.key(), version, Timestamp.from(now), actor)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        List<Indicator> all = indicators.all();
        // written in batches: a month of a city holds thousands of subjects × indicators
        List<Object[]> valueRows = new ArrayList<>();
        List<Object[]> scoreRows = new ArrayList<>();
        Map<SubjectKind, List<Calculator.Figures>> computed = calculator.computeAll(period, all);
        for (SubjectKind kind : SubjectKind.values()) {
            Map<String, Double> w = weights.of(kind);
            List<Score> scores = new ArrayList<>();
            List<Indicator> applicable = all.stream().filter(i -> i.appliesTo(kind)).toList();
            Map<String, String> named = names.names(kind,
                    computed.get(kind).stream().map(Calculator.Figures::subjectKey).toList());
            for (Calculator.Figures f : computed.get(kind)) {
                String name = named.get(f.subjectKey());
                for (Indicator indicator : applicable) {
                    Calculator.Value v = f.values().get(indicator.code());
                    String inputs = indicator.formulaText() + " | " + v.inputs();
                    valueRows.add(new Object[] {id, kind.name(), f.subjectKey(), name, indicator.code(),
                            indicator.shown(v.raw()), inputs.length() > 600 ? inputs.substring(0, 600) : inputs});
                }
                Double score = scoring.score(f, applicable, w);
                scores.add(new Score(kind, f.subjectKey(), name, score, scoring.grade(score), null));
            }
            scores.sort(Comparator.comparing((Score s) -> s.score() == null ? Double.NEGATIVE_INFINITY : -s.score())
                    .thenComparing(Score::subjectKey));
            int rank = 0;
            for (Score s : scores) {
                scoreRows.add(new Object[] {id, kind.name(), s.subjectKey(), s.subjectName(), s.score(), s.grade(),
                        s.score() == null ? null : ++rank});
            }
        }
        batch.batchUpdate("insert into evaluation_snapshot_value (snapshot_id, subject_kind, subject_key, subject_name,"
                + " indicator_code, figure, inputs) values (?, ?, ?, ?, ?, ?, ?)", valueRows, VALUE_TYPES);
        batch.batchUpdate("insert into evaluation_snapshot_score (snapshot_id, subject_kind, subject_key, subject_name,"
                + " score, grade, rank_no) values (?, ?, ?, ?, ?, ?, ?)", scoreRows, SCORE_TYPES);
        // the police blocks' medians and p90 are not counts: they are frozen beside the scores, per priority
        List<Object[]> policeRows = new ArrayList<>();
        for (PoliceResponses.PriorityFigures f : police.versionFigures(period)) {
            policeRows.add(new Object[] {id, f.blockCode(), f.priority(), f.incidents(), f.onScene(), f.onTime(),
                    f.targetSeconds(), f.median(), f.p90()});
        }
        batch.batchUpdate("insert into evaluation_snapshot_police (snapshot_id, block_code, priority, incidents,"
                + " on_scene, on_time, target_seconds, median_seconds, p90_seconds) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                policeRows, POLICE_TYPES);
        audit.record(actor, "SNAPSHOT", period.key(), "COMPUTED", "v" + version);
        return get(id);
    }

    /** Publishes the period's draft as it is; it is never changed afterwards. */
    @Transactional
    public Snapshot publish(Period period, String actor) {
        Snapshot d = draft(period.key()).orElseThrow(() -> new ConflictException(Phrase.of(
                "problem.evaluation.no-draft", "此时段没有待发布的草稿，请先计算：{0}", period.key())));
        jdbc.sql("update evaluation_snapshot set status = 'PUBLISHED', published_at = ?, published_by = ?"
                + " where id = ? and status = 'DRAFT'").params(Timestamp.from(clock.instant()), actor, d.id()).update();
        audit.record(actor, "SNAPSHOT", period.key(), "PUBLISHED", "v" + d.version());
        return get(d.id());
    }

    public Optional<Snapshot> draft(String period) {
        return jdbc.sql("select * from evaluation_snapshot where period = ? and status = 'DRAFT'").param(period)
                .query(Snapshots::row).optional();
    }

    /** The newest published version of the period. */
    public Optional<Snapshot> published(String period) {
        return jdbc.sql("select * from evaluation_snapshot where period = ? and status = 'PUBLISHED'"
                + " order by version desc fetch first 1 rows only").param(period).query(Snapshots::row).optional();
    }

    public List<Snapshot> versions(String period) {
        return jdbc.sql("select * from evaluation_snapshot where period = ? order by version").param(period)
                .query(Snapshots::row).list();
    }

    /** The newest snapshots, published or draft. */
    public List<Snapshot> latest(int limit) {
        return jdbc.sql("select * from evaluation_snapshot order by id desc fetch first ? rows only").param(limit)
                .query(Snapshots::row).list();
    }

    public Snapshot get(long id) {
        return jdbc.sql("select * from evaluation_snapshot where id = ?").param(id).query(Snapshots::row).optional()
                .orElseThrow(() -> new NotFoundException(Phrase.of("problem.evaluation.no-snapshot", "没有此考评结果：{0}", id)));
    }

    /** The scores of one kind in rank order (no score last). */
    public List<Score> scores(long snapshotId, SubjectKind kind) {
        return jdbc.sql("select * from evaluation_snapshot_score where snapshot_id = ? and subject_kind = ?"
                + " order by case when rank_no is null then 1 else 0 end, rank_no, subject_key")
                .params(snapshotId, kind.name()).query((rs, n) -> {
                    double score = rs.getDouble("score");
                    Double s = rs.wasNull() ? null : score;
                    int rank = rs.getInt("rank_no");
                    Integer r = rs.wasNull() ? null : rank;
                    return new Score(kind, rs.getString("subject_key"), rs.getString("subject_name"), s,
                            rs.getString("grade"), r);
                }).list();
    }

    public List<Figure> figures(long snapshotId, SubjectKind kind, String subjectKey) {
        // two statements rather than "? is null or …": PostgreSQL cannot type a null parameter it only compares
        var statement = subjectKey == null
                ? jdbc.sql("select * from evaluation_snapshot_value where snapshot_id = ? and subject_kind = ?"
                        + " order by subject_key, indicator_code").params(snapshotId, kind.name())
                : jdbc.sql("select * from evaluation_snapshot_value where snapshot_id = ? and subject_kind = ?"
                        + " and subject_key = ? order by subject_key, indicator_code")
                        .params(snapshotId, kind.name(), subjectKey);
        return statement.query((rs, n) -> {
                    // wasNull() speaks of the last column read: the figure is read and tested before the others
                    double v = rs.getDouble("figure");
                    Double figure = rs.wasNull() ? null : v;
                    return new Figure(kind, rs.getString("subject_key"), rs.getString("subject_name"),
                            rs.getString("indicator_code"), figure, rs.getString("inputs"));
                }).list();
    }

    /**
     * The police blocks' response per priority as the version froze it, every block's or one block's (null for all),
     * by block and priority.
     */
    public List<PoliceResponses.PriorityFigures> policeFigures(long snapshotId, String blockCode) {
        var statement = blockCode == null
                ? jdbc.sql("select * from evaluation_snapshot_police where snapshot_id = ? order by block_code, priority")
                        .param(snapshotId)
                : jdbc.sql("select * from evaluation_snapshot_police where snapshot_id = ? and block_code = ?"
                        + " order by priority").params(snapshotId, blockCode);
        return statement.query((rs, n) -> {
            int target = rs.getInt("target_seconds");
            Integer t = rs.wasNull() ? null : target;
            double median = rs.getDouble("median_seconds");
            Double m = rs.wasNull() ? null : median;
            double p90 = rs.getDouble("p90_seconds");
            Double p = rs.wasNull() ? null : p90;
            return new PoliceResponses.PriorityFigures(rs.getString("block_code"), rs.getInt("priority"),
                    rs.getLong("incidents"), rs.getLong("on_scene"), rs.getLong("on_time"), t, m, p);
        }).list();
    }

    /** A subject's score in the newest published version of every period, oldest period first. */
    public List<Map.Entry<String, Score>> trend(SubjectKind kind, String subjectKey, int limit) {
        List<Map.Entry<String, Score>> newestFirst = jdbc.sql("""
                select s.period, c.score, c.grade, c.rank_no, c.subject_name from evaluation_snapshot_score c
                join evaluation_snapshot s on s.id = c.snapshot_id
                where c.subject_kind = ? and c.subject_key = ? and s.status = 'PUBLISHED'
                  and s.version = (select max(o.version) from evaluation_snapshot o
                                   where o.period = s.period and o.status = 'PUBLISHED')
                order by s.period desc fetch first ? rows only""")
                .params(kind.name(), subjectKey, limit).query((rs, n) -> {
                    double score = rs.getDouble("score");
                    Double sc = rs.wasNull() ? null : score;
                    int rank = rs.getInt("rank_no");
                    Integer r = rs.wasNull() ? null : rank;
                    return Map.entry(rs.getString("period"), new Score(kind, subjectKey, rs.getString("subject_name"),
                            sc, rs.getString("grade"), r));
                }).list();
        List<Map.Entry<String, Score>> trend = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(trend);
        return trend;
    }

    private static Snapshot row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp published = rs.getTimestamp("published_at");
        return new Snapshot(rs.getLong("id"), rs.getString("period"), rs.getInt("version"), rs.getString("status"),
                rs.getTimestamp("computed_at").toInstant(), rs.getString("computed_by"),
                published == null ? null : published.toInstant(), rs.getString("published_by"));
    }
}
