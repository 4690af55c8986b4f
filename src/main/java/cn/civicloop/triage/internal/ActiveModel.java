package cn.civicloop.triage.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.civicloop.classifier.RoutingExample;
import cn.civicloop.classifier.RoutingModel;
import cn.civicloop.classifier.RoutingSuggestion;
import cn.civicloop.classifier.RoutingTrainer;

/**
 * The classifier model in use. Models are versioned rows of {@code triage_model}; the active one is loaded at
 * first use. On an empty database the first model is trained from the shipped corpus of our own writing
 * ({@code civicloop.triage.seed-corpus}), so a fresh machine routes without any download.
 */
@Component
public class ActiveModel {

    private static final Logger log = LoggerFactory.getLogger(ActiveModel.class);
    private static final long CHECK_EVERY_NANOS = 10_000_000_000L;

    private final JdbcClient jdbc;
    private final Resource seedCorpus;
    private volatile RoutingModel model;
    /** When this instance last asked which version is active: another instance may have activated another one. */
    private volatile long checkedAt;

    ActiveModel(JdbcClient jdbc, TriageProperties properties) {
        this.jdbc = jdbc;
        this.seedCorpus = properties.seedCorpus();
    }

    public RoutingSuggestion suggest(String title, String detail) {
        return model().suggest(title, detail);
    }

    public RoutingModel model() {
        RoutingModel current = model;
        long now = System.nanoTime();
        if (current != null && now - checkedAt > CHECK_EVERY_NANOS) {
            checkedAt = now;
            String active = activeVersion();
            if (active != null && !active.equals(current.info().version())) {
                synchronized (this) {
                    model = null;
                }
            }
        }
        RoutingModel m = model;
        if (m == null) {
            synchronized (this) {
                if (model == null) {
                    model = loadOrTrain();
                }
                m = model;
            }
        }
        return m;
    }

    /** Makes {@code candidate} the active model and keeps it as a new version. */
    @Transactional
    public void activate(RoutingModel candidate, Double macroF1) {
        jdbc.sql("update triage_model set active = false where active = true").update();
        jdbc.sql("insert into triage_model (version, created_at, training_size, macro_f1, active, model) values (?, ?, ?, ?, true, ?)")
                .params(candidate.info().version(), Timestamp.from(candidate.info().createdAt()),
                        candidate.info().trainingSize(), macroF1, bytes(candidate))
                .update();
        model = candidate;
        log.info("Routing model {} is active ({} training examples)", candidate.info().version(), candidate.info().trainingSize());
    }

    /** The version in service, as the database says (null before the first model). */
    public String activeVersion() {
        return jdbc.sql("select version from triage_model where active = true").query(String.class).optional().orElse(null);
    }

    /** Keeps {@code candidate} as a version that is not in service, made by training run {@code runId}. */
    public void keep(RoutingModel candidate, double macroF1, long runId) {
        jdbc.sql("insert into triage_model (version, created_at, training_size, macro_f1, active, model, run_id)"
                + " values (?, ?, ?, ?, false, ?, ?)")
                .params(candidate.info().version(), Timestamp.from(candidate.info().createdAt()),
                        candidate.info().trainingSize(), macroF1, bytes(candidate), runId)
                .update();
    }

    /**
     * Puts a stored version in service (activation, or a rollback to an earlier one). Returns the version it replaced.
     * Every instance notices within ten seconds ({@link #model()}).
     */
    @Transactional
    public String putInService(String version, String actor, java.time.Instant at) {
        byte[] stored = jdbc.sql("select model from triage_model where version = ?").param(version).query(byte[].class)
                .optional().orElseThrow(() -> new cn.civicloop.shared.NotFoundException(cn.civicloop.shared.Phrase.of(
                        "problem.triage.learning.no-model", "没有模型版本 {0}", version)));
        RoutingModel loaded;
        try {
            loaded = RoutingModel.readFrom(new ByteArrayInputStream(stored));
        } catch (IOException e) {
            throw new UncheckedIOException("model version " + version + " cannot be read", e);
        }
        String before = activeVersion();
        jdbc.sql("update triage_model set active = false where active = true").update();
        jdbc.sql("update triage_model set active = true, activated_at = ?, activated_by = ? where version = ?")
                .params(Timestamp.from(at), actor, version).update();
        model = loaded;
        log.info("Routing model {} is in service (was {}), by {}", version, before, actor);
        return before;
    }

    /** A stored version. */
    public record Version(String version, java.time.Instant createdAt, int trainingSize, Double macroF1, boolean active,
            Long runId, java.time.Instant activatedAt, String activatedBy) {
    }

    /** The stored versions, newest first. */
    public List<Version> versions(int limit) {
        return jdbc.sql("select version, created_at, training_size, macro_f1, active, run_id, activated_at, activated_by"
                + " from triage_model order by created_at desc fetch first ? rows only").param(limit)
                .query((rs, n) -> new Version(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getInt(3),
                        (Double) rs.getObject(4, Double.class), rs.getBoolean(5), (Long) rs.getObject(6, Long.class),
                        rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant(), rs.getString(8)))
                .list();
    }

    public List<RoutingExample> seedExamples() {
        try {
            Path tmp = Files.createTempFile("seed-corpus", ".csv");
            try {
                Files.write(tmp, seedCorpus.getInputStream().readAllBytes());
                return cn.civicloop.classifier.TrainingFiles.read(List.of(tmp));
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the seed corpus " + seedCorpus, e);
        }
    }

    private RoutingModel loadOrTrain() {
        byte[] stored = jdbc.sql("select model from triage_model where active = true").query(byte[].class).optional()
                .orElse(null);
        if (stored != null) {
            try {
                return RoutingModel.readFrom(new ByteArrayInputStream(stored));
            } catch (IOException e) {
                log.warn("The stored routing model cannot be read; training a new one from the seed corpus", e);
            }
        }
        RoutingModel trained = new RoutingTrainer().train(seedExamples());
        activate(trained, null);
        return trained;
    }

    private static byte[] bytes(RoutingModel m) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            m.writeTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
