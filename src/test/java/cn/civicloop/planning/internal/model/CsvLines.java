package cn.civicloop.planning.internal.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** RFC 4180 records (quoted fields with commas, doubled quotes, line breaks inside quotes). */
final class CsvLines {

    private CsvLines() {
    }

    /** The next record, or null at the end of input. */
    static List<String> next(BufferedReader in) throws IOException {
        String line = in.readLine();
        if (line == null) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        while (true) {
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        field.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                } else {
                    field.append(c);
                }
            }
            if (!quoted) {
                break;
            }
            String more = in.readLine();
            if (more == null) {
                throw new IOException("unterminated quoted field at end of file");
            }
            field.append('\n');
            line = more;
        }
        fields.add(field.toString());
        return fields;
    }
}
