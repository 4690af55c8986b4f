package cn.civicloop.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civicloop.classifier.csv.CsvTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The seed corpus (种子语料) the first model is trained from: the generator's output, of our own writing — not one
 * 12-character run of any shared real message appears in it — and good enough on real messages. The shared folder
 * is read in place; a missing file fails, never skips.
 */
class SeedCorpusTests {

    static final int WINDOW = 12;

    @Test
    void theShippedCorpusIsTheGeneratorsOutput() throws IOException {
        assertThat(Files.readString(TestCorpus.file(), StandardCharsets.UTF_8)).isEqualTo(SeedCorpusGenerator.csv());
    }

    @Test
    void containsNoTwelveCharacterRunOfAnySharedMessage() throws IOException {
        Set<String> windows = new HashSet<>();
        for (RoutingExample e : TestCorpus.all()) {
            addWindows(e.title(), windows);
            addWindows(e.detail(), windows);
        }
        assertThat(windows).hasSizeGreaterThan(100_000);
        List<String> found = new ArrayList<>();
        for (String file : List.of("titles_train.csv", "details_train.csv", "messages_full_train.csv",
                "messages_sample_train.csv", "hot_topics.csv", "replies.csv", "unlabeled.csv")) {
            CsvTable.read(SharedCorpus.file(file), List.of(), row -> {
                for (String column : List.of("title", "detail", "reply")) {
                    String text = strip(row.get(column));
                    for (int i = 0; i + WINDOW <= text.length(); i++) {
                        if (windows.contains(text.substring(i, i + WINDOW))) {
                            found.add(text.substring(i, i + WINDOW));
                        }
                    }
                }
            });
        }
        assertThat(found).as("12-character runs of shared messages found in the seed corpus").isEmpty();
    }

    @Test
    void itsModelRoutesRealCompleteMessages() {
        RoutingModel model = new RoutingTrainer().train(TestCorpus.all());
        assertThat(ModelReplacement.macroF1(model, SharedCorpus.completeMessages())).isGreaterThanOrEqualTo(0.85);
    }

    private static void addWindows(String text, Set<String> windows) {
        String s = strip(text);
        for (int i = 0; i + WINDOW <= s.length(); i++) {
            windows.add(s.substring(i, i + WINDOW));
        }
    }

    /** Without spaces: a run split by a space or a line break is still the same run. */
    private static String strip(String text) {
        return text == null ? "" : text.replaceAll("\\s+", "");
    }
}
