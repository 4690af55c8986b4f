package cn.civicloop.shared.web;

/**
 * Lines of the CSV files staff download (the audit log, what is held about a phone number), opened in Excel or WPS:
 * every cell quoted, quotes doubled, and a cell a spreadsheet would run as a formula — starting with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return — starts with an apostrophe instead, so text typed by
 * a resident or an attacker is shown, never run (CSV injection).
 */
public final class CsvLines {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private CsvLines() {
    }

    /** One line, ended by CRLF; a null cell is empty. */
    public static String line(String... cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            String c = cells[i] == null ? "" : cells[i];
            if (!c.isEmpty() && FORMULA_STARTS.indexOf(c.charAt(0)) >= 0) {
                c = "'" + c;
            }
            line.append(i == 0 ? "" : ",").append('"').append(c.replace("\"", "\"\"")).append('"');
        }
        return line.append("\r\n").toString();
    }
}
