package cn.civicloop.triage.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.civicloop.triage.internal.TriageRecords;

/**
 * Words why a case looks like a duplicate in the reader's language. The duplicate search records its evidence as a
 * fixed form of figures ("text 0.62 (needs 0.40); 120 m apart; 3 h apart", or "same grid G1", "same community C1",
 * "place not comparable" for the place), which the API returns as stored; the page names each part from the triage
 * bundle ({@code triage.duplicate.*}). A reason in no such form is shown as it is.
 */
@Component
class DuplicateReasons {

    private static final Pattern FORM = Pattern.compile(
            "text (\\d+\\.\\d+) \\(needs (\\d+\\.\\d+)\\); (?:(\\d+) m apart|same grid (\\S+)|same community (\\S+)"
                    + "|(place not comparable)); (\\d+) h apart");

    private final MessageSource messages;

    DuplicateReasons(MessageSource messages) {
        this.messages = messages;
    }

    /** Each duplicate's reason worded in {@code locale}, by the number of the case it duplicates. */
    Map<String, String> of(List<TriageRecords.Duplicate> duplicates, Locale locale) {
        Map<String, String> out = new LinkedHashMap<>();
        duplicates.forEach(d -> out.put(d.duplicateOf(), worded(d.reason(), locale)));
        return out;
    }

    String worded(String reason, Locale locale) {
        Matcher m = reason == null ? null : FORM.matcher(reason);
        if (m == null || !m.matches()) {
            return reason;
        }
        String place = m.group(3) != null ? text("triage.duplicate.place.distance", locale, m.group(3))
                : m.group(4) != null ? text("triage.duplicate.place.grid", locale, m.group(4))
                : m.group(5) != null ? text("triage.duplicate.place.community", locale, m.group(5))
                : text("triage.duplicate.place.unknown", locale);
        return text("triage.duplicate.reason", locale, m.group(1), m.group(2), place, m.group(7));
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
