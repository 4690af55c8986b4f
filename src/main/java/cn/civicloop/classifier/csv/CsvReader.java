package cn.civicloop.classifier.csv;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV (逗号分隔文件) as UTF-8: quoted fields with doubled quotes and embedded line breaks, CRLF or LF
 * line ends, an optional byte-order mark. Hand-written because the format is small and the files come from
 * spreadsheets, where exactly these details vary. Invalid UTF-8 is an error, not silently replaced.
 */
public final class CsvReader implements Closeable {

    private final Reader in;
    private final String source;
    private int line = 1;
    private int recordLine;

    public CsvReader(Reader in, String source) {
        this.in = in.markSupported() ? in : new BufferedReader(in);
        this.source = source;
    }

    public static CsvReader open(Path file) throws IOException {
        InputStream stream = Files.newInputStream(file);
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new CsvReader(new BufferedReader(new InputStreamReader(stream, decoder)), file.toString());
    }

    /** The line on which the record last returned by {@link #next()} started (1-based), for error messages. */
    public int recordLine() {
        return recordLine;
    }

    public String source() {
        return source;
    }

    /** The next record, or {@code null} at end of input. Blank lines are skipped. */
    public List<String> next() throws IOException {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        recordLine = line;
        int c = read();
        if (recordLine == 1 && c == '\uFEFF') {
            c = read();
        }
        while (c == '\r' || c == '\n') {
            consumeLineEnd(c);
            recordLine = line;
            c = read();
        }
        if (c == -1) {
            return null;
        }
        boolean quoted = false;
        boolean fieldStarted = false;
        while (true) {
            if (quoted) {
                if (c == -1) {
                    throw new CsvFormatException(source + ":" + recordLine + ": quoted field is never closed");
                }
                if (c == '"') {
                    in.mark(1);
                    int d = read();
                    if (d == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        c = d;
                        continue;
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c == '"' && !fieldStarted) {
                quoted = true;
                fieldStarted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
            } else if (c == '\r' || c == '\n' || c == -1) {
                fields.add(field.toString());
                if (c != -1) {
                    consumeLineEnd(c);
                }
                return fields;
            } else {
                field.append((char) c);
                fieldStarted = true;
            }
            c = read();
        }
    }

    private int read() throws IOException {
        int c = in.read();
        if (c == '\n') {
            line++;
        }
        return c;
    }

    /** Completes a CR, LF or CRLF line end whose first character has already been read. */
    private void consumeLineEnd(int c) throws IOException {
        if (c == '\r') {
            in.mark(1);
            if (in.read() != '\n') {
                in.reset();
            }
            line++;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
