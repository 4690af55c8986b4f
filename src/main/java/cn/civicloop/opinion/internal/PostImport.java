package cn.civicloop.opinion.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;

import cn.civicloop.classifier.csv.CsvFormatException;
import cn.civicloop.classifier.csv.CsvTable;
import cn.civicloop.shared.InvalidInputException;

/**
 * CSV import of posts by the opinion officer (RFC 4180, UTF-8, header-named columns): {@code id}, {@code time} and a
 * {@code title} or {@code text} are required; {@code url}, {@code author}, {@code likes}, {@code opposes},
 * {@code replies}, {@code reposts}, {@code place} are read when present. The file is checked whole before anything
 * is stored, then stored in one transaction: a bad row names its line and nothing is written.
 */
@Service
public class PostImport {

    static final int MAX_ROWS = 20_000;

    private final TopicBoard board;

    PostImport(TopicBoard board) {
        this.board = board;
    }

    public TopicBoard.Outcome importCsv(long sourceId, byte[] csv) {
        List<IncomingPost> posts = read(csv);
        return board.ingest(sourceId, posts);
    }

    static List<IncomingPost> read(byte[] csv) {
        Path file = null;
        try {
            file = Files.createTempFile("opinion-import", ".csv");
            Files.write(file, csv);
            List<IncomingPost> posts = new ArrayList<>();
            CsvTable.read(file, List.of("id", "time"), row -> {
                if (posts.size() >= MAX_ROWS) {
                    throw new CsvFormatException("more than " + MAX_ROWS + " rows: split the file");
                }
                String where = "line " + row.line();
                String id = row.get("id").strip();
                var at = PostTimes.parse(row.get("time"));
                if (id.isEmpty() || id.length() > 200) {
                    throw new CsvFormatException(where + ": id is required (at most 200 characters)");
                }
                if (at == null) {
                    throw new CsvFormatException(where + ": time '" + row.get("time") + "' is not a time");
                }
                if (row.get("title").isBlank() && row.get("text").isBlank()) {
                    throw new CsvFormatException(where + ": a title or a text is required");
                }
                posts.add(new IncomingPost(id, blankToNull(row.get("url")), blankToNull(row.get("author")),
                        row.get("title"), row.get("text"), at, count(row.get("likes"), where),
                        count(row.get("opposes"), where), count(row.get("replies"), where),
                        count(row.get("reposts"), where), blankToNull(row.get("place"))));
            });
            return posts;
        } catch (CsvFormatException e) {
            throw new InvalidInputException("file", e.getMessage().replace(String.valueOf(file) + ": ", ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file left behind is removed with the temporary directory
                }
            }
        }
    }

    private static long count(String text, String where) {
        if (text.isBlank()) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            throw new CsvFormatException(where + ": '" + text + "' is not a number");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
