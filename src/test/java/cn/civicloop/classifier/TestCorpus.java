package cn.civicloop.classifier;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The self-written seed corpus in {@code src/main/resources/routing/seed-corpus.csv} (测试语料): 3,920 generated
 * appeals, 560 per label ({@link SeedCorpusGenerator}). Rows are already shuffled; the first two thirds train, the
 * rest is held out.
 */
final class TestCorpus {

    private TestCorpus() {
    }

    static Path file() {
        try {
            return Path.of(TestCorpus.class.getResource("/routing/seed-corpus.csv").toURI());
        } catch (Exception e) {
            throw new IllegalStateException("seed corpus routing/seed-corpus.csv not on the class path", e);
        }
    }

    static List<RoutingExample> all() {
        try {
            return TrainingFiles.read(List.of(file()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static List<RoutingExample> training() {
        List<RoutingExample> all = all();
        return new ArrayList<>(all.subList(0, all.size() * 2 / 3));
    }

    static List<RoutingExample> heldOut() {
        List<RoutingExample> all = all();
        return new ArrayList<>(all.subList(all.size() * 2 / 3, all.size()));
    }
}
