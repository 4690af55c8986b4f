package cn.civicloop.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline learns, speaks in probabilities and survives a save/load round trip unchanged. */
class RoutingModelTests {

    static RoutingModel model;

    @BeforeAll
    static void train() {
        model = new RoutingTrainer().train(TestCorpus.training());
    }

    @Test
    void learnsTheCategoriesOfUnseenAppeals() {
        List<RoutingExample> heldOut = TestCorpus.heldOut();
        long right = heldOut.stream()
                .filter(e -> model.suggest(e.title(), e.detail()).top().label().equals(e.label())).count();
        assertThat((double) right / heldOut.size()).isGreaterThanOrEqualTo(0.8);
        assertThat(ModelReplacement.macroF1(model, heldOut)).isGreaterThanOrEqualTo(0.75);
    }

    @Test
    void confidencesAreRankedProbabilities() {
        for (RoutingExample e : complete(TestCorpus.heldOut())) {
            for (RoutingSuggestion s : List.of(model.suggest(e.title(), e.detail()), model.suggest(e.title(), ""),
                    model.suggest(null, e.detail()))) {
                assertThat(s.ranked()).hasSize(7);
                assertThat(s.ranked().stream().mapToDouble(LabelConfidence::confidence).sum()).isCloseTo(1.0, within(1e-9));
                assertThat(s.ranked()).allSatisfy(c -> assertThat(c.confidence()).isBetween(0.0, 1.0));
                for (int i = 1; i < s.ranked().size(); i++) {
                    assertThat(s.ranked().get(i).confidence()).isLessThanOrEqualTo(s.ranked().get(i - 1).confidence());
                }
                assertThat(s.autoRoute()).isEqualTo(s.top().confidence() >= model.info().autoRouteThreshold());
            }
        }
    }

    @Test
    void carriesItsMetadata() {
        ModelInfo info = model.info();
        assertThat(info.version()).startsWith("routing-");
        assertThat(info.trainingSize()).isEqualTo(TestCorpus.training().size());
        assertThat(info.vocabularySize()).isPositive();
        assertThat(info.autoRouteThreshold()).isBetween(0.5, 1.0);
        assertThat(model.labels()).containsExactly("交通运输", "劳动和社会保障", "卫生计生", "商贸旅游", "城乡建设",
                "教育文体", "环境保护");
    }

    @Test
    void aSavedModelLoadsBackIdentically(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("routing.model");
        model.save(file);
        RoutingModel loaded = RoutingModel.load(file);
        assertThat(loaded.info()).isEqualTo(model.info());
        assertThat(loaded.labels()).isEqualTo(model.labels());
        for (RoutingExample e : complete(TestCorpus.all())) {
            assertThat(loaded.suggest(e.title(), e.detail())).isEqualTo(model.suggest(e.title(), e.detail()));
            assertThat(loaded.suggest(e.title(), "")).isEqualTo(model.suggest(e.title(), ""));
        }
        assertThat(Files.size(file)).isLessThan(50_000_000);
    }

    @Test
    void refusesWhatItCannotUse(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> model.suggest(" ", null)).hasMessageContaining("title or a detail");
        assertThatThrownBy(() -> new RoutingTrainer().train(TestCorpus.training().stream()
                .filter(e -> e.label().equals("卫生计生")).toList())).hasMessageContaining("at least two labels");
        Path notAModel = Files.writeString(dir.resolve("x.model"), "hello");
        assertThatThrownBy(() -> RoutingModel.load(notAModel)).hasMessageContaining("not a CivicLoop routing model");
        assertThatThrownBy(() -> RoutingModel.load(dir.resolve("missing.model"))).hasMessageContaining("not found");
    }

    @Test
    void replacesOnlyWhenNotWorse() {
        RoutingModel weak = new RoutingTrainer().train(TestCorpus.training().subList(0, 30));
        List<RoutingExample> heldOut = TestCorpus.heldOut();
        ModelReplacement.Decision better = ModelReplacement.decide(model, weak, heldOut);
        assertThat(better.replace()).isTrue();
        assertThat(better.candidateMacroF1()).isGreaterThan(better.currentMacroF1());
        ModelReplacement.Decision worse = ModelReplacement.decide(weak, model, heldOut);
        assertThat(worse.replace()).isFalse();
        assertThat(worse.reason()).contains("<");
        assertThat(ModelReplacement.decide(model, model, heldOut).replace()).isTrue();
        assertThat(ModelReplacement.decide(weak, null, heldOut).replace()).isTrue();
    }

    /** The rows with both a title and a body: each is tried whole and split (the corpus has titles or bodies alone too). */
    private static List<RoutingExample> complete(List<RoutingExample> rows) {
        List<RoutingExample> complete = rows.stream().filter(e -> !e.title().isBlank() && !e.detail().isBlank()).toList();
        assertThat(complete).hasSizeGreaterThan(rows.size() / 2);
        return complete;
    }
}
