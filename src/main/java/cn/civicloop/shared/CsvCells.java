package cn.civicloop.shared;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the CSV files our importers take one line at a time (the gazetteer, the camera registry): lines split on
 * CRLF, LF or CR with a leading byte-order mark dropped; cells split on commas outside quotes, a quoted cell may hold
 * commas and doubled quotes. Each importer says how a cell is cleaned ({@link Cleaning}), the only way they differ.
 * A quoted cell spanning lines is not read here: those files never hold one (see the triage import's reader for that).
 */
public final class CsvCells {

    /** How one cell is cleaned once read: its text without the quotes, and whether it was quoted. */
    @FunctionalInterface
    public interface Cleaning {
        String clean(String cell, boolean quoted);
    }

    /** The cell as read. */
    public static final Cleaning AS_READ = (cell, quoted) -> cell;

    private CsvCells() {
    }

    /** The lines of a file's text, the byte-order mark dropped; a line ending CRLF keeps no carriage return. */
    public static List<String> lines(String text) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return t.lines().toList();
    }

    /** The cells of one line, each cleaned by {@code cleaning}; an empty line is one empty cell. */
    public static List<String> of(String line, Cleaning cleaning) {
        String l = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < l.length(); i++) {
            char c = l.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < l.length() && l.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                cells.add(cleaning.clean(cell.toString(), wasQuoted));
                cell.setLength(0);
                wasQuoted = false;
            } else {
                cell.append(c);
            }
        }
        cells.add(cleaning.clean(cell.toString(), wasQuoted));
        return cells;
    }
}
