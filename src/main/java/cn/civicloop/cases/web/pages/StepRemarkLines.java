package cn.civicloop.cases.web.pages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

import cn.civicloop.cases.StepRemark;
import cn.civicloop.cases.TimelineEntry;

/**
 * Words the steps the timeline stores as values ({@link StepRemark}) in the reader's language: the stage, step and
 * satisfaction named from the bundles, the points and numbers as they are; the free text is shown as it was written.
 */
@Component
class StepRemarkLines {

    /** A step worded, and the free text that came with it (null when none). */
    record Line(String label, String text) {
    }

    private final MessageSource messages;

    StepRemarkLines(MessageSource messages) {
        this.messages = messages;
    }

    /** The worded step remarks of a timeline, by entry id. */
    Map<Long, Line> of(List<TimelineEntry> timeline, Locale locale) {
        Map<Long, Line> lines = new LinkedHashMap<>();
        StepRemark.of(timeline).forEach((id, r) -> lines.put(id, new Line(label(r, locale), r.text())));
        return lines;
    }

    String label(StepRemark r, Locale locale) {
        String key = r.labelKey();
        return switch (r.kind()) {
            case ESCALATED -> messages.getMessage(key, new Object[] {named("cases.clock-stage.", r.value(0)),
                    r.value(1), named("cases.step.", r.value(2))}, locale);
            case PLACE_FIXED -> messages.getMessage(r.value(2) == null ? key : key + ".labelled", new Object[] {
                    r.value(0) == null ? named("cases.remark.", "no-point") : r.value(0), r.value(1), r.value(2)}, locale);
            case FOLLOW_UP_ANSWERED -> messages.getMessage(key, new Object[] {named("cases.remark.resolved.", r.value(0)),
                    named("cases.satisfaction.", r.value(1))}, locale);
            case DUPLICATE_MERGED, MERGED_INTO, EXTENSION_REQUESTED ->
                    messages.getMessage(key, new Object[] {r.value(0)}, locale);
        };
    }

    /**
     * An argument named from the bundles in the message's own language; a value without a name (a supervision note
     * a person typed to look like a stored step) is shown as it is rather than failing the page.
     */
    private static DefaultMessageSourceResolvable named(String prefix, String value) {
        return new DefaultMessageSourceResolvable(new String[] {prefix + value}, null, String.valueOf(value));
    }
}
