package cn.civicloop.opinion.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import cn.civicloop.classifier.csv.CsvFormatException;
import cn.civicloop.classifier.csv.CsvTable;
import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.shared.Phrase;

/**
 * CSV import of posts by the opinion officer (RFC 4180, UTF-8, header-named columns): {@code id}, {@code time} and a
 * {@code title} or {@code text} are required; {@code url}, {@code author}, {@code likes}, {@code opposes},
 * {@code replies}, {@code reposts}, {@code place} are read when present. The file is checked whole before anything
 * is stored, then stored in one transaction: a bad row names its line and nothing is written.
 */
@Service
public class PostImport {

    static final int MAX_ROWS = 20_000;
    private static final Logger log = LoggerFactory.getLogger(PostImport.class);

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
                    throw new RowRefused(Phrase.of("problem.opinion.import-rows", "文件超过 {0} 行，请拆分后分批导入",
                            MAX_ROWS));
                }
                long line = row.line();
                String id = row.get("id").strip();
                var at = PostTimes.parse(row.get("time"));
                if (id.isEmpty() || id.length() > 200) {
                    throw new RowRefused(PostRefusals.atLine(line, PostRefusals.ID));
                }
                if (at == null) {
                    throw new RowRefused(PostRefusals.atLine(line, Phrase.of("problem.opinion.import-time",
                            "时间“{0}”无法识别", row.get("time"))));
                }
                if (row.get("title").isBlank() && row.get("text").isBlank()) {
                    throw new RowRefused(PostRefusals.atLine(line, PostRefusals.TITLE_OR_TEXT));
                }
                posts.add(new IncomingPost(id, blankToNull(row.get("url")), blankToNull(row.get("author")),
                        row.get("title"), row.get("text"), at, count(row.get("likes"), line),
                        count(row.get("opposes"), line), count(row.get("replies"), line),
                        count(row.get("reposts"), line), blankToNull(row.get("place"))));
            });
            return posts;
        } catch (RowRefused e) {
            throw new InvalidInputException("file", e.reason);
        } catch (CsvFormatException e) {
            // the reader's own finding is English, for logs and the command line; the officer reads what a file needs
            log.info("opinion import refused: {}", e.getMessage().replace(String.valueOf(file) + ": ", ""));
            throw new InvalidInputException("file", Phrase.of("problem.opinion.import-unreadable",
                    "文件不是可读的 CSV：须为 UTF-8 编码，首行为列名且含 id 和 time 两列，引号成对"));
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

    private static long count(String text, long line) {
        if (text.isBlank()) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            throw new RowRefused(PostRefusals.atLine(line, Phrase.of("problem.opinion.import-number", "“{0}”不是数字",
                    text)));
        }
    }

    /** A row the import refuses, with the phrase that says why (the file's reader passes it through). */
    private static final class RowRefused extends RuntimeException {
        private final transient Phrase reason;

        RowRefused(Phrase reason) {
            super(reason.text(), null, false, false);
            this.reason = reason;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
