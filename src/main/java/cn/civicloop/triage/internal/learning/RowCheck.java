package cn.civicloop.triage.internal.learning;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks one row of an upload against its column mapping and the category tree, and turns a good row into a
 * training example. A pure function of the row: the importer decides what a bad row means for the upload.
 */
final class RowCheck {

    static final int MAX_TITLE = 200;
    static final int MAX_CONTENT = 10_000;
    static final int MAX_DEPARTMENT = 100;

    /** A good row as it is stored. */
    record Example(long line, String title, String content, String label, String department, LocalDate occurredOn) {
    }

    /** The outcome for one row: an example, or a problem with the value that caused it. */
    record Result(Example example, RowProblem problem, String value) {

        boolean ok() {
            return example != null;
        }
    }

    private static final Pattern DATE = Pattern.compile("(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})");
    private static final Pattern EXCEL_US_DATE = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{2,4})");

    private final int title;
    private final int content;
    private final int category;
    private final int department;
    private final int date;
    private final int needed;
    private final Map<String, String> labels;
    private final Set<String> categories;

    /**
     * @throws MappingException when the mapping names a column the header does not have, or lacks the category or
     *                          both texts
     */
    RowCheck(List<String> header, ColumnMapping mapping, Set<String> categories) {
        List<String> names = header.stream().map(String::strip).toList();
        if (mapping.category() == null) {
            throw new MappingException("category", null, names);
        }
        if (mapping.title() == null && mapping.content() == null) {
            throw new MappingException("title", null, names);
        }
        this.title = column(names, "title", mapping.title());
        this.content = column(names, "content", mapping.content());
        this.category = column(names, "category", mapping.category());
        this.department = column(names, "department", mapping.department());
        this.date = column(names, "date", mapping.date());
        this.needed = Math.max(Math.max(Math.max(title, content), category), Math.max(department, date)) + 1;
        this.labels = mapping.labels();
        this.categories = categories;
    }

    Result check(long line, List<String> cells) {
        if (cells.size() < needed) {
            return new Result(null, RowProblem.TOO_FEW_FIELDS, Integer.toString(cells.size()));
        }
        String rawLabel = cell(cells, category);
        if (rawLabel.isEmpty()) {
            return new Result(null, RowProblem.NO_LABEL, "");
        }
        String t = cell(cells, title);
        String c = cell(cells, content);
        if (t.isEmpty() && c.isEmpty()) {
            return new Result(null, RowProblem.NO_TEXT, "");
        }
        if (t.length() > MAX_TITLE) {
            return new Result(null, RowProblem.TITLE_TOO_LONG, Integer.toString(t.length()));
        }
        if (c.length() > MAX_CONTENT) {
            return new Result(null, RowProblem.CONTENT_TOO_LONG, Integer.toString(c.length()));
        }
        String label = labels.getOrDefault(rawLabel, rawLabel);
        if (!categories.contains(label)) {
            return new Result(null, RowProblem.UNKNOWN_LABEL, rawLabel);
        }
        String dept = cell(cells, department);
        if (dept.length() > MAX_DEPARTMENT) {
            dept = dept.substring(0, MAX_DEPARTMENT);
        }
        String rawDate = cell(cells, date);
        LocalDate on = null;
        if (!rawDate.isEmpty()) {
            on = date(rawDate);
            if (on == null) {
                return new Result(null, RowProblem.BAD_DATE, rawDate);
            }
        }
        return new Result(new Example(line, t, c, label, dept.isEmpty() ? null : dept, on), null, null);
    }

    /** 2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日, with or without a time after it; Excel's 3/5/24. */
    static LocalDate date(String text) {
        try {
            Matcher m = DATE.matcher(text);
            if (m.find() && m.start() == 0) {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
            }
            Matcher us = EXCEL_US_DATE.matcher(text);
            if (us.find() && us.start() == 0) {
                int year = Integer.parseInt(us.group(3));
                return LocalDate.of(year < 100 ? 2000 + year : year, Integer.parseInt(us.group(1)),
                        Integer.parseInt(us.group(2)));
            }
            return LocalDate.parse(text.strip(), DateTimeFormatter.BASIC_ISO_DATE);
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static String cell(List<String> cells, int index) {
        return index < 0 ? "" : cells.get(index).strip();
    }

    private static int column(List<String> names, String field, String name) {
        if (name == null) {
            return -1;
        }
        int i = names.indexOf(name);
        if (i < 0) {
            throw new MappingException(field, name, names);
        }
        return i;
    }

    /** The mapping does not fit the file's header. */
    static final class MappingException extends RuntimeException {

        final String field;
        final String column;
        final List<String> header;

        MappingException(String field, String column, List<String> header) {
            super(field + ": " + column + " not in " + header);
            this.field = field;
            this.column = column;
            this.header = List.copyOf(new ArrayList<>(header));
        }
    }
}
