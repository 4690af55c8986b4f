package cn.civicloop.opinion.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads the times written in posts and imports: ISO instants with an offset, and local times of the district in the
 * forms message boards and spreadsheets use ({@code 2019/2/28 11:25:05}, {@code 2019-07-21 10:29}, a bare date).
 */
public final class PostTimes {

    private static final ZoneId DISTRICT = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu[-][/]M[-][/]d[ H:m[:s]]");

    private PostTimes() {
    }

    /** The instant, or {@code null} when the text is not a time in any of these forms. */
    public static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException notIso) {
            // a local time of the district, below
        }
        try {
            var parsed = LOCAL.parseBest(t, LocalDateTime::from, LocalDate::from);
            LocalDateTime local = parsed instanceof LocalDateTime dt ? dt : ((LocalDate) parsed).atStartOfDay();
            return local.atZone(DISTRICT).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
