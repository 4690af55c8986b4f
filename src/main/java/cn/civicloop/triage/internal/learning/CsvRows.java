package cn.civicloop.triage.internal.learning;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV one row at a time from a stream (quoted fields may hold commas, quotes and line breaks), so a
 * file of any length is read in the memory of its longest row. A byte-order mark is skipped. The line of a row is the
 * line it starts on in the file, as an editor shows it.
 */
final class CsvRows {

    /** A field longer than this is not a work order but a broken file (an unclosed quote swallowing the rest). */
    static final int MAX_FIELD = 100_000;

    private CsvRows() {
    }

    static void read(Reader in, RowConsumer consumer) throws IOException {
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        long line = 1;
        long rowLine = 1;
        int c = in.read();
        if (c == '\uFEFF') {
            c = in.read();
        }
        for (; c != -1; c = in.read()) {
            any = true;
            if (quoted) {
                if (c == '"') {
                    int next = in.read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        if (next == -1) {
                            break;
                        }
                        c = next;
                        // fall through to the unquoted handling of the character after the closing quote
                        if (handle(c, row, field, consumer, rowLine)) {
                            line++;
                            rowLine = line;
                            any = false;
                        }
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    append(field, c, line);
                }
                continue;
            }
            if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (handle(c, row, field, consumer, rowLine)) {
                line++;
                rowLine = line;
                any = false;
            }
        }
        if (quoted) {
            throw new BadFileException(line, "unclosed quote");
        }
        if (any || !row.isEmpty() || !field.isEmpty()) {
            row.add(field.toString());
            emit(row, consumer, rowLine);
        }
    }

    /** Handles a character outside quotes; true when it ended a row. */
    private static boolean handle(int c, List<String> row, StringBuilder field, RowConsumer consumer, long rowLine) {
        switch (c) {
            case ',' -> {
                row.add(field.toString());
                field.setLength(0);
            }
            case '\r' -> {
                // \r\n: the \n ends the row
            }
            case '\n' -> {
                row.add(field.toString());
                field.setLength(0);
                emit(row, consumer, rowLine);
                return true;
            }
            default -> append(field, c, rowLine);
        }
        return false;
    }

    private static void append(StringBuilder field, int c, long line) {
        if (field.length() >= MAX_FIELD) {
            throw new BadFileException(line, "field longer than " + MAX_FIELD + " characters");
        }
        field.append((char) c);
    }

    private static void emit(List<String> row, RowConsumer consumer, long line) {
        // an empty line is no row
        if (!(row.size() == 1 && row.get(0).isEmpty())) {
            consumer.row(line, List.copyOf(row));
        }
        row.clear();
    }

    /** The file is not CSV past {@code line}: nothing more can be read from it. */
    static final class BadFileException extends RuntimeException {

        final long line;

        BadFileException(long line, String reason) {
            super(reason);
            this.line = line;
        }
    }
}
