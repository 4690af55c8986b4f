package cn.civicloop.calendar.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.core.io.Resource;

/**
 * Reads the shipped holiday file: UTF-8 CSV with the header {@code date,kind,name}, lines starting with
 * {@code #} are comments. The name is the rest of the line, so it may contain commas. A bad line stops the
 * start-up with its line number: a silently skipped holiday would shift deadlines without anyone noticing.
 */
final class HolidayFile {

    static final String HEADER = "date,kind,name";

    private HolidayFile() {
    }

    static List<CalendarDay> read(Resource file) throws IOException {
        try (Reader in = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            return parse(in, file.getDescription());
        }
    }

    static List<CalendarDay> parse(Reader reader, String source) throws IOException {
        BufferedReader in = new BufferedReader(reader);
        List<CalendarDay> days = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        boolean headerSeen = false;
        int number = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            number++;
            String text = number == 1 ? stripBom(line).strip() : line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            if (!headerSeen) {
                if (!text.equals(HEADER)) {
                    throw new IllegalStateException(source + ":" + number + ": expected the header " + HEADER);
                }
                headerSeen = true;
                continue;
            }
            CalendarDay day = day(text, source + ":" + number);
            if (!seen.add(day.date())) {
                throw new IllegalStateException(source + ":" + number + ": " + day.date() + " is listed twice");
            }
            days.add(day);
        }
        if (!headerSeen) {
            throw new IllegalStateException(source + ": empty, expected the header " + HEADER);
        }
        return days;
    }

    private static CalendarDay day(String line, String where) {
        String[] fields = line.split(",", 3);
        if (fields.length != 3) {
            throw new IllegalStateException(where + ": expected date,kind,name but got '" + line + "'");
        }
        try {
            return new CalendarDay(LocalDate.parse(fields[0].strip()), DayKind.valueOf(fields[1].strip()),
                    fields[2].strip());
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new IllegalStateException(where + ": " + e.getMessage(), e);
        }
    }

    private static String stripBom(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }
}
