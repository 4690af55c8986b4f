package cn.civicloop.cases.web.pages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.civicloop.cases.StepRemark;
import cn.civicloop.cases.TimelineEntry;

/**
 * Words the steps the timeline stores as values ({@link StepRemark}) in the reader's language ({@link StepRemark#label()}):
 * the stage, step, channel and satisfaction named from the bundles, the points and numbers as they are; the free text
 * is shown as it was written.
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
        return messages.getMessage(r.label(), locale);
    }
}
