package cn.civicloop.triage.internal.learning;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.civicloop.shared.ConflictException;
import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.shared.NotFoundException;
import cn.civicloop.shared.PayloadTooLargeException;
import cn.civicloop.shared.Phrase;
import cn.civicloop.shared.DomainException.FieldProblem;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports a district's historical work orders (历史工单导入) as training examples. An import is created with its
 * column mapping, then its file streams in: each row is checked ({@link RowCheck}), good rows are written in batches
 * while the progress is recorded (for the progress bar, on any instance) and the cancel flag read. Nothing is
 * half-imported: one bad row, a cancel or a failure removes every row the upload wrote, and only a DONE upload feeds
 * training. Memory stays that of one batch plus eight bytes per row for the duplicate check, whatever the file's length.
 */
@Service
public class HistoryImports {

    private static final Logger log = LoggerFactory.getLogger(HistoryImports.class);
    private static final int HEAD = 64 * 1024;
    private static final int PREVIEW_ROWS = 5;
    private static final int LABELS_LISTED = 100;

    private final ImportStore store;
    private final JdbcClient jdbc;
    private final LearningProperties properties;
    private final Clock clock;
    private final JsonMapper json;

    HistoryImports(ImportStore store, JdbcClient jdbc, LearningProperties properties, Clock clock, JsonMapper json) {
        this.json = json;
        this.store = store;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** Registers an upload to come; the file follows with {@link #upload}. */
    public ImportView create(String fileName, String source, String encoding, ColumnMapping mapping, String actor) {
        String name = fileName == null || fileName.isBlank() ? "upload.csv" : truncate(fileName.strip(), 200);
        String from = source == null || source.isBlank() ? name : truncate(source.strip(), 200);
        encoding(encoding);
        if (mapping.category() == null) {
            throw new InvalidInputException("category", Phrase.of("problem.triage.learning.category-column",
                    "请选择分类所在的列"));
        }
        if (mapping.title() == null && mapping.content() == null) {
            throw new InvalidInputException("title", Phrase.of("problem.triage.learning.text-column",
                    "请选择标题或内容所在的列（至少一项）"));
        }
        long id = store.create(name, from, encoding == null || encoding.isBlank() ? "AUTO" : encoding.strip(), mapping,
                actor, clock.instant());
        return view(id);
    }

    /** Refuses a declared length over the limit before anything is read (HTTP 413). */
    public void checkSize(long declaredLength) {
        if (declaredLength > properties.maxUpload().toBytes()) {
            throw tooLarge();
        }
    }

    /**
     * Streams the file of import {@code id} in and imports it, all or nothing. Returns the finished import; throws a
     * refusal (with the bad rows as field problems) when the file was refused.
     */
    public ImportView upload(long id, InputStream body, long declaredLength) {
        checkSize(declaredLength);
        ImportView created = view(id);
        ColumnMapping mapping = mappingOf(created.mapping());
        try {
            BufferedInputStream in = new BufferedInputStream(new Limited(body, properties.maxUpload().toBytes()), HEAD);
            in.mark(HEAD);
            byte[] head = in.readNBytes(HEAD);
            in.reset();
            FileKind kind = FileKind.of(created.fileName(), head, head.length);
            TextEncoding chosen = encoding(created.encoding());
            TextEncoding encoding = chosen != null ? chosen : TextEncoding.detect(head, head.length);
            if (!store.start(id, kind == null ? "?" : kind.name(), kind == FileKind.XLSX ? "-" : encoding.name(),
                    clock.instant())) {
                throw new ConflictException(Phrase.of("problem.triage.learning.not-waiting",
                        "该导入已开始或已结束，请重新上传"));
            }
            if (kind == null) {
                finish(id, ImportStatus.REFUSED, new Run(id, null, Set.of()), "NOT_A_TABLE");
                throw notATable();
            }
            Run run = new Run(id, mapping, categories());
            try {
                if (kind == FileKind.XLSX) {
                    readXlsx(in, run);
                } else {
                    CsvRows.read(new BufferedReader(new InputStreamReader(in, encoding.charset()), HEAD), run::row);
                }
            } catch (RowCheck.MappingException e) {
                finish(id, ImportStatus.REFUSED, run, "COLUMNS");
                throw columns(e);
            } catch (CsvRows.BadFileException e) {
                finish(id, ImportStatus.REFUSED, run, "BAD_FILE");
                throw new InvalidInputException("file", Phrase.of("problem.triage.learning.bad-file",
                        "文件无法读取（第 {0} 行附近），整个文件未导入", e.line));
            } catch (Cancelled e) {
                finish(id, ImportStatus.CANCELLED, run, null);
                return view(id);
            } catch (PayloadTooLargeException e) {
                finish(id, ImportStatus.REFUSED, run, "TOO_LARGE");
                throw e;
            } catch (IOException | UncheckedIOException e) {
                finish(id, ImportStatus.FAILED, run, "READ");
                throw new InvalidInputException("file", Phrase.of("problem.triage.learning.read-failed",
                        "文件未能完整上传，整个文件未导入，请重试"));
            } catch (RuntimeException e) {
                finish(id, ImportStatus.FAILED, run, "ERROR");
                throw e;
            }
            if (run.check == null) {
                finish(id, ImportStatus.REFUSED, run, "EMPTY");
                throw new InvalidInputException("file", Phrase.of("problem.triage.learning.empty",
                        "文件没有表头或没有数据行"));
            }
            if (run.bad > 0) {
                finish(id, ImportStatus.REFUSED, run, null);
                throw badRows(id, run);
            }
            run.flush();
            if (run.stored == 0) {
                finish(id, ImportStatus.REFUSED, run, "EMPTY");
                throw new InvalidInputException("file", Phrase.of("problem.triage.learning.empty",
                        "文件没有表头或没有数据行"));
            }
            finish(id, ImportStatus.DONE, run, null);
            log.info("Import {} ({}): {} rows read, {} examples stored, {} duplicates", id, created.fileName(),
                    run.read, run.stored, run.duplicates);
            return view(id);
        } catch (IOException e) {
            throw new InvalidInputException("file", Phrase.of("problem.triage.learning.read-failed",
                    "文件未能完整上传，整个文件未导入，请重试"));
        }
    }

    /** The first rows of a file (its beginning is enough for CSV; an .xlsx file is read whole from {@code in}). */
    public Preview preview(String fileName, InputStream in, String encodingName) {
        try {
            BufferedInputStream buffered = new BufferedInputStream(new Limited(in, properties.maxUpload().toBytes()), HEAD);
            buffered.mark(HEAD);
            byte[] head = buffered.readNBytes(HEAD);
            buffered.reset();
            FileKind kind = FileKind.of(fileName, head, head.length);
            if (kind == null) {
                throw notATable();
            }
            TextEncoding chosen = encoding(encodingName);
            TextEncoding encoding = chosen != null ? chosen : TextEncoding.detect(head, head.length);
            List<List<String>> rows = new ArrayList<>();
            RowConsumer collect = (line, cells) -> {
                rows.add(cells);
                if (rows.size() > PREVIEW_ROWS) {
                    throw new Enough();
                }
            };
            try {
                if (kind == FileKind.XLSX) {
                    Path tmp = spool(buffered);
                    try {
                        XlsxRows.read(tmp, collect);
                    } finally {
                        Files.deleteIfExists(tmp);
                    }
                } else {
                    // the head only: a row cut at its end is not shown
                    CsvRows.read(new InputStreamReader(new java.io.ByteArrayInputStream(head), encoding.charset()), collect);
                    if (head.length == HEAD && rows.size() <= PREVIEW_ROWS && !rows.isEmpty()) {
                        rows.remove(rows.size() - 1);
                    }
                }
            } catch (Enough e) {
                // the preview has its rows
            } catch (CsvRows.BadFileException e) {
                if (rows.isEmpty()) {
                    throw notATable();
                }
            }
            if (rows.isEmpty()) {
                throw new InvalidInputException("file", Phrase.of("problem.triage.learning.empty",
                        "文件没有表头或没有数据行"));
            }
            return new Preview(kind.name(), kind == FileKind.XLSX ? null : encoding.name(),
                    rows.get(0).stream().map(String::strip).toList(), rows.subList(1, rows.size()));
        } catch (IOException e) {
            throw new InvalidInputException("file", Phrase.of("problem.triage.learning.read-failed",
                    "文件未能完整上传，整个文件未导入，请重试"));
        }
    }

    public boolean cancel(long id) {
        view(id);
        return store.requestCancel(id);
    }

    public ImportView view(long id) {
        store.failStale(clock.instant().minus(properties.staleAfter()), clock.instant());
        return store.find(id).orElseThrow(() -> new NotFoundException(Phrase.of("problem.triage.learning.no-import",
                "没有这次导入")));
    }

    public List<ImportView> latest(int limit) {
        store.failStale(clock.instant().minus(properties.staleAfter()), clock.instant());
        return store.latest(limit);
    }

    /** The active categories of the tree: the labels an example may have. */
    public Set<String> categories() {
        return Set.copyOf(jdbc.sql("select name from triage_category where active = true").query(String.class).list());
    }

    private ColumnMapping mappingOf(String stored) {
        return json.readValue(stored, ColumnMapping.class);
    }

    private void readXlsx(InputStream in, Run run) throws IOException {
        Path tmp = spool(in);
        try {
            XlsxRows.read(tmp, run::row);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** An .xlsx file is a zip whose directory is at its end: it is written to a temporary file, then read. */
    private static Path spool(InputStream in) throws IOException {
        Path tmp = Files.createTempFile("routing-import", ".xlsx");
        try (var out = Files.newOutputStream(tmp)) {
            in.transferTo(out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        return tmp;
    }

    private void finish(long id, ImportStatus status, Run run, String fileProblem) {
        store.finish(id, status, run.read, run.stored, run.duplicates, run.bad, run.report(fileProblem), clock.instant());
    }

    private static TextEncoding encoding(String name) {
        try {
            return TextEncoding.chosen(name);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("encoding", Phrase.of("problem.triage.learning.encoding",
                    "不支持的编码 {0}，请选 UTF-8 或 GBK", name));
        }
    }

    private PayloadTooLargeException tooLarge() {
        return new PayloadTooLargeException("file", Phrase.of("problem.triage.learning.too-large",
                "文件超过 {0} MB 的上限", properties.maxUpload().toMegabytes()));
    }

    private static InvalidInputException notATable() {
        return new InvalidInputException("file", Phrase.of("problem.triage.learning.not-a-table",
                "只接受 CSV 或 Excel（.xlsx）文件"));
    }

    private static InvalidInputException columns(RowCheck.MappingException e) {
        if (e.column == null) {
            return e.field.equals("category")
                    ? new InvalidInputException("category", Phrase.of("problem.triage.learning.category-column",
                            "请选择分类所在的列"))
                    : new InvalidInputException("title", Phrase.of("problem.triage.learning.text-column",
                            "请选择标题或内容所在的列（至少一项）"));
        }
        return new InvalidInputException(e.field, Phrase.of("problem.triage.learning.no-column",
                "文件表头中没有列“{0}”（表头：{1}）", e.column, String.join("，", e.header)));
    }

    private InvalidInputException badRows(long id, Run run) {
        List<FieldProblem> problems = new ArrayList<>();
        for (ImportReport.BadRow row : run.badRows) {
            problems.add(new FieldProblem("line " + row.line(), Phrase.of(row.problem().key(),
                    row.problem().fallback(), row.value())));
        }
        return new InvalidInputException(Phrase.of("problem.triage.learning.bad-rows",
                "第 {0} 次导入：{1} 行有问题，整个文件未导入", id, run.bad), problems);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    /** One upload in progress: its counters, the batch being filled, the report. */
    private final class Run {

        final long id;
        final ColumnMapping mapping;
        final Set<String> categories;
        final LongSet seen = new LongSet();
        final List<RowCheck.Example> batch = new ArrayList<>();
        final List<ImportReport.BadRow> badRows = new ArrayList<>();
        final Map<String, Long> unknownLabels = new TreeMap<>();
        final Map<String, Long> perCategory = new TreeMap<>();
        RowCheck check;
        long read;
        long stored;
        long duplicates;
        long bad;

        Run(long id, ColumnMapping mapping, Set<String> categories) {
            this.id = id;
            this.mapping = mapping;
            this.categories = categories;
        }

        void row(long line, List<String> cells) {
            if (check == null) {
                check = new RowCheck(cells, mapping, categories);
                return;
            }
            read++;
            RowCheck.Result result = check.check(line, cells);
            if (!result.ok()) {
                bad++;
                if (badRows.size() < properties.badRowsListed()) {
                    String value = result.value() == null ? "" : truncate(result.value(), 100);
                    badRows.add(new ImportReport.BadRow(line, result.problem(), value));
                }
                if (result.problem() == RowProblem.UNKNOWN_LABEL
                        && (unknownLabels.size() < LABELS_LISTED || unknownLabels.containsKey(result.value()))) {
                    unknownLabels.merge(truncate(result.value(), 100), 1L, Long::sum);
                }
            } else {
                RowCheck.Example e = result.example();
                if (!seen.add(LongSet.fingerprint(e.title(), e.content(), e.label()))) {
                    duplicates++;
                } else if (bad == 0) {
                    // after a bad row nothing more is written: the upload is refused, the rest is only checked
                    batch.add(e);
                    perCategory.merge(e.label(), 1L, Long::sum);
                }
            }
            if (read % properties.batchSize() == 0) {
                flush();
            }
        }

        void flush() {
            if (!batch.isEmpty()) {
                store.insert(id, batch);
                stored += batch.size();
                batch.clear();
            }
            if (store.progress(id, read, stored, duplicates, bad, clock.instant())) {
                throw new Cancelled();
            }
        }

        ImportReport report(String fileProblem) {
            return new ImportReport(List.copyOf(badRows), Map.copyOf(unknownLabels), Map.copyOf(perCategory), fileProblem);
        }
    }

    /** The admin cancelled the upload. */
    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super(null, null, false, false);
        }
    }

    /** The preview has its rows. */
    private static final class Enough extends RuntimeException {
        Enough() {
            super(null, null, false, false);
        }
    }

    /** Counts the bytes of a body whose length was not declared, and refuses it once over the limit. */
    private final class Limited extends FilterInputStream {

        private final long max;
        private long count;

        Limited(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(long n) {
            count += n;
            if (count > max) {
                throw tooLarge();
            }
        }
    }
}
