package cn.civicloop.classifier;

import cn.civicloop.classifier.csv.CsvFormatException;
import cn.civicloop.classifier.csv.CsvTable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads training CSV files (训练数据文件): UTF-8, RFC 4180, a header with a {@code label} column and a
 * {@code title} and/or {@code detail} column, in any order; other columns are ignored. Rows without a label or
 * without any text are errors, named by file and line — silently skipping them would hide a broken export.
 */
public final class TrainingFiles {

    private TrainingFiles() {
    }

    public static List<RoutingExample> read(List<Path> files) throws IOException {
        if (files.isEmpty()) {
            throw new CsvFormatException("no training file given");
        }
        List<RoutingExample> examples = new ArrayList<>();
        for (Path file : files) {
            List<String> header = CsvTable.read(file, List.of("label"), row -> {
                String label = row.get("label").strip();
                String title = row.get("title");
                String detail = row.get("detail");
                if (label.isEmpty()) {
                    throw new CsvFormatException(file + ":" + row.line() + ": empty label");
                }
                if (title.isBlank() && detail.isBlank()) {
                    throw new CsvFormatException(file + ":" + row.line() + ": neither title nor detail text");
                }
                examples.add(new RoutingExample(title, detail, label));
            });
            if (!header.contains("title") && !header.contains("detail")) {
                throw new CsvFormatException(file + ": header has neither a 'title' nor a 'detail' column (found: "
                        + String.join(",", header) + ")");
            }
        }
        return examples;
    }
}
