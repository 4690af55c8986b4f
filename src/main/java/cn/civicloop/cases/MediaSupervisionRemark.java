package cn.civicloop.cases;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.civicloop.cases.MediaSupervisionTimeline.Step;

/**
 * The remark of a {@link CaseAction#MEDIA_SUPERVISION} timeline entry: the step, the item's number and the free text
 * (title, response or reason). The row keeps the step as its name ({@code OPENED #12: …}), never a sentence, so the
 * page names the step in the reader's language from the bundles; rows written before held a Chinese sentence
 * ({@code 立项监督（监督事项 12）：…}) and are read as the same three parts.
 *
 * @param text the free text, null when none was given
 */
public record MediaSupervisionRemark(Step step, long itemId, String text) {

    private static final Pattern STORED = Pattern.compile("(OPENED|RESPONDED|PUBLISHED) #(\\d{1,18})(?:: (.*))?",
            Pattern.DOTALL);
    private static final Pattern EARLIER = Pattern.compile("(立项监督|部门公开回应|公开发布)（监督事项 (\\d{1,18})）(?:：(.*))?",
            Pattern.DOTALL);

    /** The remark as the row stores it, cut to {@code max} characters (the free text loses its end). */
    public String stored(int max) {
        String s = step.name() + " #" + itemId + (text == null ? "" : ": " + text);
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** The parts of a stored remark, in either form; empty for any other text. */
    public static Optional<MediaSupervisionRemark> parse(String reason) {
        if (reason == null) {
            return Optional.empty();
        }
        Matcher m = STORED.matcher(reason);
        if (m.matches()) {
            return Optional.of(new MediaSupervisionRemark(Step.valueOf(m.group(1)), Long.parseLong(m.group(2)),
                    m.group(3)));
        }
        m = EARLIER.matcher(reason);
        if (m.matches()) {
            Step step = switch (m.group(1)) {
                case "立项监督" -> Step.OPENED;
                case "部门公开回应" -> Step.RESPONDED;
                default -> Step.PUBLISHED;
            };
            return Optional.of(new MediaSupervisionRemark(step, Long.parseLong(m.group(2)), m.group(3)));
        }
        return Optional.empty();
    }

    /** The remarks of a timeline's media supervision entries, by entry id (for a page that names their steps). */
    public static Map<Long, MediaSupervisionRemark> of(List<TimelineEntry> timeline) {
        Map<Long, MediaSupervisionRemark> remarks = new LinkedHashMap<>();
        for (TimelineEntry e : timeline) {
            if (e.action() == CaseAction.MEDIA_SUPERVISION) {
                parse(e.reason()).ifPresent(r -> remarks.put(e.id(), r));
            }
        }
        return remarks;
    }

    /** The bundle key naming the step, with the item's number as its argument. */
    public String labelKey() {
        return "cases.media-supervision." + step.name();
    }
}
