package cn.civicloop.triage.internal.learning;

import java.util.Locale;

/**
 * Tells an upload's kind from its name and first bytes: CSV (text) or Excel .xlsx (a zip). The old binary .xls, PDFs,
 * images and any other binary file are not taken: text without NUL bytes is CSV, a zip is .xlsx.
 */
enum FileKind {
    CSV, XLSX;

    static FileKind of(String fileName, byte[] head, int length) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        boolean zip = length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        if (zip) {
            return name.endsWith(".csv") || name.endsWith(".txt") ? null : XLSX;
        }
        if (name.endsWith(".xlsx") || name.endsWith(".xls")) {
            return null;
        }
        for (int i = 0; i < length; i++) {
            if (head[i] == 0) {
                return null;
            }
        }
        return CSV;
    }
}
