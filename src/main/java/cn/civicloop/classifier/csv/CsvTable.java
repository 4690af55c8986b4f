package cn.civicloop.classifier.csv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A CSV file read through its header: columns are found by name (case-insensitive, order free), extra columns are
 * ignored, and every error names the file, so that a person who prepared the file can fix it.
 */
public final class CsvTable {

    private CsvTable() {
    }

    /** One data row, read by column name; a column that is absent reads as empty. */
    public record Row(int line, Map<String, Integer> columns, List<String> fields) {

        public String get(String column) {
            Integer index = columns.get(column);
            return index == null || index >= fields.size() ? "" : fields.get(index);
        }
    }

    /**
     * Streams the rows of {@code file} to {@code sink} and returns the header's column names (lower case).
     * {@code required} columns must be present in the header.
     */
    public static List<String> read(Path file, List<String> required, Consumer<Row> sink) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new CsvFormatException(file + ": file not found");
        }
        try (CsvReader reader = CsvReader.open(file)) {
            List<String> header = reader.next();
            if (header == null) {
                throw new CsvFormatException(file + ": file is empty, expected a header row");
            }
            Map<String, Integer> columns = new HashMap<>();
            List<String> names = new ArrayList<>();
            for (int i = 0; i < header.size(); i++) {
                String name = header.get(i).strip().toLowerCase(Locale.ROOT);
                names.add(name);
                columns.putIfAbsent(name, i);
            }
            for (String column : required) {
                if (!columns.containsKey(column)) {
                    throw new CsvFormatException(file + ": header has no '" + column + "' column (found: "
                            + String.join(",", names) + ")");
                }
            }
            for (List<String> fields = reader.next(); fields != null; fields = reader.next()) {
                sink.accept(new Row(reader.recordLine(), columns, fields));
            }
            return names;
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new CsvFormatException(file + ": not valid UTF-8 text");
        }
    }
}
