package cn.civicloop.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import cn.civicloop.classifier.csv.CsvTable;

/**
 * Real appeal texts for load, read at run time from the shared data set (never copied into the repository).
 * Bodies are cut to 1,000 characters, about what a hotline operator types in.
 */
record AppealTexts(List<String[]> rows) {

    static final Path DEFAULT = Path.of("../shared/datasets/messages/unlabeled.csv");

    static AppealTexts read(Path file) {
        if (!Files.isReadable(file)) {
            throw new IllegalStateException("The load benchmark needs " + file.toAbsolutePath()
                    + " (the shared data set, ../shared/datasets/messages/unlabeled.csv next to the clone)");
        }
        List<String[]> rows = new ArrayList<>();
        try {
            CsvTable.read(file, List.of("title", "detail"), row -> {
                String title = row.get("title").strip();
                String detail = row.get("detail").strip();
                if (!title.isEmpty() && !detail.isEmpty()) {
                    rows.add(new String[] {cut(title, 180), cut(detail, 1000)});
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new AppealTexts(rows);
    }

    String[] get(int i) {
        return rows.get(Math.floorMod(i, rows.size()));
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
