package cn.civicloop.triage.internal.learning;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.civicloop.classifier.RoutingExample;
import cn.civicloop.classifier.RoutingModel;
import cn.civicloop.classifier.RoutingTrainer;
import cn.civicloop.shared.AuditTrail;
import cn.civicloop.shared.ConflictException;
import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.shared.NotFoundException;
import cn.civicloop.shared.Phrase;
import cn.civicloop.triage.internal.ActiveModel;
import tools.jackson.databind.json.JsonMapper;

/**
 * Training runs (模型训练): in the background, one at a time in the whole cluster (the lock row
 * {@code triage_training_lock}), each training a candidate on the examples outside the held-out part and evaluating it
 * and the model in service on that part ({@link TrainingReport}). The candidate is kept as a version, not put in
 * service: the admin activates it, keeps the model in service, or rolls back to any earlier version, all audited.
 * A run whose instance stops reporting (it stopped midway) is marked failed; the model in service never changed, and
 * the run can be started again.
 */
@Service
public class TrainingRuns implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(TrainingRuns.class);
    private static final String COLUMNS = "id, status, phase, sources, examples, held_out, candidate_version,"
            + " in_service_version, report, error, cancel_requested, decision, decided_by, requested_by, started_at,"
            + " finished_at";

    private final JdbcClient jdbc;
    private final TrainingSet set;
    private final ActiveModel active;
    private final LearningProperties properties;
    private final AuditTrail audit;
    private final JsonMapper json;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> daemon(r, "routing-training"));
    private final ScheduledExecutorService heart = Executors.newSingleThreadScheduledExecutor(
            r -> daemon(r, "routing-training-heartbeat"));

    TrainingRuns(JdbcClient jdbc, TrainingSet set, ActiveModel active, LearningProperties properties, AuditTrail audit,
            JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.set = set;
        this.active = active;
        this.properties = properties;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Starts a run on {@code sources}; refused when they hold too few examples or categories (422) or another run is
     * in progress anywhere in the cluster (409).
     */
    public TrainingRunView start(TrainingSources sources, String actor) {
        if (!sources.any()) {
            throw new InvalidInputException("sources", Phrase.of("problem.triage.learning.no-source",
                    "请至少选择一个训练数据来源"));
        }
        failStale();
        Map<String, Integer> counts = set.counts(sources);
        int examples = counts.values().stream().mapToInt(Integer::intValue).sum();
        if (examples < properties.minExamples() || counts.size() < properties.minCategories()) {
            throw new InvalidInputException("sources", Phrase.of("problem.triage.learning.too-few",
                    "训练至少需要 {0} 条样本、分属至少 {1} 个类别；所选数据有 {2} 条、{3} 个类别",
                    properties.minExamples(), properties.minCategories(), examples, counts.size()));
        }
        Instant now = clock.instant();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into triage_training_run (status, phase, sources, requested_by, started_at, heartbeat_at)"
                + " values ('RUNNING', 'QUEUED', ?, ?, ?, ?)")
                .params(sources.describe(), actor, Timestamp.from(now), Timestamp.from(now)).update(keys, "id");
        long id = keys.getKey().longValue();
        int locked = jdbc.sql("update triage_training_lock set run_id = ?, heartbeat_at = ? where name = 'training'"
                + " and (run_id is null or heartbeat_at < ?)")
                .params(id, Timestamp.from(now), Timestamp.from(now.minus(properties.staleAfter()))).update();
        if (locked != 1) {
            jdbc.sql("delete from triage_training_run where id = ?").param(id).update();
            Long running = jdbc.sql("select run_id from triage_training_lock where name = 'training'").query(Long.class)
                    .optional().orElse(null);
            throw new ConflictException(Phrase.of("problem.triage.learning.busy",
                    "第 {0} 次训练正在进行，请等它结束或取消后再开始", running));
        }
        audit.change("CONFIG_CHANGE", "routing training run " + id, "STARTED", null, Map.of("sources", sources.describe()));
        long beat = Math.max(200, properties.staleAfter().toMillis() / 4);
        ScheduledFuture<?> heartbeat = heart.scheduleWithFixedDelay(() -> beat(id), beat, beat, TimeUnit.MILLISECONDS);
        worker.execute(() -> {
            try {
                run(id, sources);
            } finally {
                heartbeat.cancel(false);
                jdbc.sql("update triage_training_lock set run_id = null, heartbeat_at = null where name = 'training'"
                        + " and run_id = ?").param(id).update();
            }
        });
        return view(id);
    }

    /** Starts again a run that failed or was cancelled, on the same sources. */
    public TrainingRunView restart(long id, String actor) {
        TrainingRunView old = view(id);
        if (old.running()) {
            throw new ConflictException(Phrase.of("problem.triage.learning.busy",
                    "第 {0} 次训练正在进行，请等它结束或取消后再开始", id));
        }
        return start(TrainingSources.parse(old.sources()), actor);
    }

    public boolean cancel(long id) {
        view(id);
        return jdbc.sql("update triage_training_run set cancel_requested = true where id = ? and status = 'RUNNING'")
                .param(id).update() == 1;
    }

    /** Puts the candidate of run {@code id} (or any stored version) in service; audited with the version replaced. */
    public void activate(String version, String actor) {
        Instant now = clock.instant();
        String before = active.putInService(version, actor, now);
        jdbc.sql("update triage_training_run set decision = 'ACTIVATED', decided_by = ? where candidate_version = ?")
                .params(actor, version).update();
        audit.change("CONFIG_CHANGE", "routing model", Map.of("version", String.valueOf(before)),
                Map.of("version", version));
    }

    /** The admin keeps the model in service rather than the run's candidate; audited. */
    public void keep(long id, String actor) {
        TrainingRunView run = view(id);
        if (!"DONE".equals(run.status())) {
            throw new ConflictException(Phrase.of("problem.triage.learning.not-done", "第 {0} 次训练尚未完成", id));
        }
        jdbc.sql("update triage_training_run set decision = 'KEPT', decided_by = ? where id = ?").params(actor, id).update();
        audit.change("CONFIG_CHANGE", "routing training run " + id, "KEPT",
                Map.of("candidate", String.valueOf(run.candidateVersion())),
                Map.of("version", String.valueOf(active.activeVersion())));
    }

    public TrainingRunView view(long id) {
        failStale();
        return find(id).orElseThrow(() -> new NotFoundException(Phrase.of("problem.triage.learning.no-run",
                "没有这次训练")));
    }

    public List<TrainingRunView> latest(int limit) {
        failStale();
        return jdbc.sql("select " + COLUMNS + " from triage_training_run order by started_at desc, id desc"
                + " fetch first ? rows only").param(limit).query(this::row).list();
    }

    /** Runs whose instance stopped reporting are marked failed (the model in service never changed). */
    public void failStale() {
        Instant now = clock.instant();
        jdbc.sql("update triage_training_run set status = 'FAILED', error = 'STOPPED', finished_at = ? where status = 'RUNNING'"
                + " and heartbeat_at < ?").params(Timestamp.from(now), Timestamp.from(now.minus(properties.staleAfter())))
                .update();
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
        heart.shutdownNow();
    }

    private void run(long id, TrainingSources sources) {
        try {
            phase(id, "LOADING");
            List<RoutingExample> all = set.examples(sources);
            List<RoutingExample> train = new ArrayList<>();
            List<RoutingExample> heldOut = new ArrayList<>();
            for (RoutingExample e : all) {
                (set.heldOut(e) ? heldOut : train).add(e);
            }
            jdbc.sql("update triage_training_run set examples = ?, held_out = ? where id = ?")
                    .params(all.size(), heldOut.size(), id).update();
            if (heldOut.isEmpty() || new TreeSet<>(train.stream().map(RoutingExample::label).toList()).size() < 2) {
                finish(id, "FAILED", "TOO_FEW");
                return;
            }
            phase(id, "TRAINING");
            long t0 = System.nanoTime();
            RoutingModel candidate = new RoutingTrainer().train(train);
            long trainingMillis = (System.nanoTime() - t0) / 1_000_000;
            phase(id, "EVALUATING");
            long t1 = System.nanoTime();
            RoutingModel inService = active.model();
            List<String> labels = List.copyOf(new TreeSet<>(heldOut.stream().map(RoutingExample::label).toList()));
            ModelEvaluation candidateScore = ModelEvaluation.of(candidate, heldOut, labels);
            ModelEvaluation inServiceScore = ModelEvaluation.of(inService, heldOut, labels);
            long evaluationMillis = (System.nanoTime() - t1) / 1_000_000;
            Map<String, Integer> perCategory = new TreeMap<>();
            train.forEach(e -> perCategory.merge(e.label(), 1, Integer::sum));
            TrainingReport report = new TrainingReport(candidateScore, inServiceScore, perCategory, heldOut.size(),
                    trainingMillis, evaluationMillis, candidateScore.macroF1() >= inServiceScore.macroF1());
            phase(id, "SAVING");
            active.keep(candidate, candidateScore.macroF1(), id);
            int updated = jdbc.sql("update triage_training_run set status = 'DONE', phase = 'DONE', candidate_version = ?,"
                    + " in_service_version = ?, report = ?, finished_at = ? where id = ? and status = 'RUNNING'")
                    .params(candidate.info().version(), inService.info().version(), json.writeValueAsString(report),
                            Timestamp.from(clock.instant()), id)
                    .update();
            if (updated == 0) {
                log.warn("Training run {} finished after it was marked failed; its candidate {} is kept all the same",
                        id, candidate.info().version());
            }
            log.info("Training run {}: candidate {} macro-F1 {} vs in service {} {} on {} held-out examples ({} ms)", id,
                    candidate.info().version(), candidateScore.macroF1(), inService.info().version(),
                    inServiceScore.macroF1(), heldOut.size(), trainingMillis);
        } catch (Cancelled e) {
            finish(id, "CANCELLED", null);
        } catch (RuntimeException | OutOfMemoryError e) {
            log.error("Training run {} failed", id, e);
            finish(id, "FAILED", e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()));
        }
    }

    private void phase(long id, String phase) {
        boolean cancel = jdbc.sql("select cancel_requested from triage_training_run where id = ?").param(id)
                .query(Boolean.class).single();
        if (cancel) {
            throw new Cancelled();
        }
        jdbc.sql("update triage_training_run set phase = ?, heartbeat_at = ? where id = ?")
                .params(phase, Timestamp.from(clock.instant()), id).update();
    }

    private void beat(long id) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("update triage_training_run set heartbeat_at = ? where id = ? and status = 'RUNNING'").params(now, id).update();
        jdbc.sql("update triage_training_lock set heartbeat_at = ? where name = 'training' and run_id = ?").params(now, id)
                .update();
    }

    private void finish(long id, String status, String error) {
        jdbc.sql("update triage_training_run set status = ?, phase = ?, error = ?, finished_at = ? where id = ?"
                + " and status = 'RUNNING'")
                .params(status, status, error == null ? null : error.length() > 2000 ? error.substring(0, 2000) : error,
                        Timestamp.from(clock.instant()), id)
                .update();
    }

    private Optional<TrainingRunView> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from triage_training_run where id = ?").param(id).query(this::row)
                .optional();
    }

    private TrainingRunView row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        String report = rs.getString("report");
        Timestamp finished = rs.getTimestamp("finished_at");
        return new TrainingRunView(rs.getLong("id"), rs.getString("status"), rs.getString("phase"), rs.getString("sources"),
                (Integer) rs.getObject("examples", Integer.class), (Integer) rs.getObject("held_out", Integer.class),
                rs.getString("candidate_version"), rs.getString("in_service_version"),
                report == null ? null : json.readValue(report, TrainingReport.class), rs.getString("error"),
                rs.getBoolean("cancel_requested"), rs.getString("decision"), rs.getString("decided_by"),
                rs.getString("requested_by"), rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant());
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** The admin cancelled the run. */
    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super(null, null, false, false);
        }
    }
}
