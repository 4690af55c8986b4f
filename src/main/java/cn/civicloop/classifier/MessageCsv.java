package cn.civicloop.classifier;

import cn.civicloop.classifier.csv.CsvTable;
import cn.civicloop.classifier.csv.CsvWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The classify files of the command line (待分类留言与结果): in, {@code message_id,title,detail} (column order free,
 * title or detail may be absent); out, {@code message_id,label,confidence}, one row per input row in input order.
 */
final class MessageCsv {

    private MessageCsv() {
    }

    record Message(String id, String title, String detail) {
    }

    record Result(String id, String label, double confidence) {
    }

    static List<Message> read(Path file) throws IOException {
        List<Message> messages = new ArrayList<>();
        List<String> header = CsvTable.read(file, List.of("message_id"),
                row -> messages.add(new Message(row.get("message_id"), row.get("title"), row.get("detail"))));
        if (!header.contains("title") && !header.contains("detail")) {
            throw new IllegalArgumentException(file + ": header has neither a 'title' nor a 'detail' column (found: "
                    + String.join(",", header) + ")");
        }
        return messages;
    }

    static void write(Path file, List<Result> results) throws IOException {
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            CsvWriter csv = new CsvWriter(writer);
            csv.write(List.of("message_id", "label", "confidence"));
            for (Result r : results) {
                csv.write(List.of(r.id(), r.label(), String.format(Locale.ROOT, "%.4f", r.confidence())));
            }
            csv.flush();
        }
    }
}
