package cn.civicloop.classifier;

import cn.civicloop.classifier.csv.CsvTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shared TipDM 2020-C messages (../shared/datasets/messages), read in place: the data has no licence for
 * redistribution, so no row of it is ever copied into the repository. A missing folder is an error, not a skip.
 */
final class SharedCorpus {

    static final Path DIR = Path.of(System.getProperty("routing.shared.dir", "../shared/datasets/messages"));

    private SharedCorpus() {
    }

    static Path file(String name) {
        Path file = DIR.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("shared data file missing: " + file.toAbsolutePath()
                    + " (expected the shared folder next to the project, or -Drouting.shared.dir=...)");
        }
        return file;
    }

    /** messages_full_train ∪ messages_sample_train, one row per message id and per identical (title, detail). */
    static List<RoutingExample> completeMessages() {
        Map<String, RoutingExample> byId = new LinkedHashMap<>();
        Map<String, Boolean> seenText = new java.util.HashMap<>();
        for (String name : List.of("messages_full_train.csv", "messages_sample_train.csv")) {
            read(name, row -> {
                RoutingExample e = new RoutingExample(row.get("title"), row.get("detail"), row.get("label"));
                if (seenText.putIfAbsent(e.title() + "\u0000" + e.detail(), true) == null) {
                    byId.putIfAbsent(row.get("message_id"), e);
                }
            });
        }
        return new ArrayList<>(byId.values());
    }

    static List<RoutingExample> titles() {
        List<RoutingExample> rows = new ArrayList<>();
        read("titles_train.csv", row -> rows.add(new RoutingExample(row.get("title"), "", row.get("label"))));
        return rows;
    }

    static List<RoutingExample> details() {
        List<RoutingExample> rows = new ArrayList<>();
        read("details_train.csv", row -> rows.add(new RoutingExample("", row.get("detail"), row.get("label"))));
        return rows;
    }

    private static void read(String name, java.util.function.Consumer<CsvTable.Row> sink) {
        try {
            CsvTable.read(file(name), List.of("label"), sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
