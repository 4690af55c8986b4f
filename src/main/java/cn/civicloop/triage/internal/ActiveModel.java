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

    private final JdbcClient jdbc;
    private final Resource seedCorpus;
    private volatile RoutingModel model;

    ActiveModel(JdbcClient jdbc, TriageProperties properties) {
        this.jdbc = jdbc;
        this.seedCorpus = properties.seedCorpus();
    }

    public RoutingSuggestion suggest(String title, String detail) {
        return model().suggest(title, detail);
    }

    public RoutingModel model() {
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

    List<RoutingExample> seedExamples() {
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
