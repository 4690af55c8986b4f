package cn.civicloop.cases;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The remark of a timeline entry the system composes from a step and its values (an escalation, a place corrected,
 * a merge, an extension asked for, a follow-up answer). The row keeps the step and the values, never a sentence
 * ({@code ESCALATED[HANDLE|75|REMIND]} for a reminder at three quarters of the handling time), so the page
 * names the step in the reader's language from the bundles; rows written before held a Chinese sentence and are
 * read as the same parts. Only an entry of one of the kind's actions is read this way: a note typed by a person is
 * never taken for one.
 *
 * @param values the step's values as stored, {@link #NONE} for one that is absent
 * @param text   the free text (a reason, a note), null when none was given
 */
public record StepRemark(Kind kind, List<String> values, String text) {

    /** Stands for an absent value (no earlier point, no standard address). */
    public static final String NONE = "-";

    /** The steps written this way, with the actions whose entries hold them. */
    public enum Kind {
        /** A rung of the escalation ladder: values the clock stage, the share of its limit used, the rung's step. */
        ESCALATED(CaseAction.REMIND, CaseAction.SUPERVISE, CaseAction.CIRCULATE),
        /** Place confirmed or corrected: values the point before, the point after, the standard address; text why. */
        PLACE_FIXED(CaseAction.PLACE),
        /** On the case kept: value the number of the duplicate merged into it. */
        DUPLICATE_MERGED(CaseAction.MERGE),
        /** On the duplicate: value the number of the case it was merged into; text the note. */
        MERGED_INTO(CaseAction.MERGE),
        /** An extension asked for: value the working days; text the reason. */
        EXTENSION_REQUESTED(CaseAction.REQUEST_EXTENSION),
        /** A follow-up answer: values resolved (true or false) and the satisfaction; text the resident's note. */
        FOLLOW_UP_ANSWERED(CaseAction.FOLLOW_UP);

        private final Set<CaseAction> actions;

        Kind(CaseAction first, CaseAction... more) {
            this.actions = EnumSet.of(first, more);
        }
    }

    private static final Pattern STORED = Pattern.compile("([A-Z_]+)\\[([^\\]]*)\\](?:: (.*))?", Pattern.DOTALL);

    public StepRemark {
        values = List.copyOf(values);
    }

    public static StepRemark of(Kind kind, String text, Object... values) {
        List<String> v = new ArrayList<>(values.length);
        for (Object value : values) {
            // the separators of the stored form cannot be part of a value
            v.add(value == null ? NONE : value.toString().replace('|', '/').replace(']', ')'));
        }
        return new StepRemark(kind, v, text);
    }

    /** The remark as the row stores it, cut to {@code max} characters (the free text loses its end). */
    public String stored(int max) {
        String s = kind.name() + "[" + String.join("|", values) + "]" + (text == null ? "" : ": " + text);
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** The value at {@code index}, null when it is absent. */
    public String value(int index) {
        String v = index < values.size() ? values.get(index) : NONE;
        return NONE.equals(v) ? null : v;
    }

    /** The bundle key naming the step, with the values as its arguments. */
    public String labelKey() {
        return "cases.remark." + kind.name();
    }

    /** The parts of the remark of an entry of {@code action}, in either form; empty for any other text. */
    public static Optional<StepRemark> parse(CaseAction action, String reason) {
        if (reason == null) {
            return Optional.empty();
        }
        Matcher m = STORED.matcher(reason);
        if (m.matches()) {
            for (Kind kind : Kind.values()) {
                if (kind.name().equals(m.group(1)) && kind.actions.contains(action)) {
                    return Optional.of(new StepRemark(kind, List.of(m.group(2).split("\\|", -1)), m.group(3)));
                }
            }
            return Optional.empty();
        }
        return EarlierRemarks.parse(reason).filter(r -> r.kind().actions.contains(action));
    }

    /** The step remarks of a timeline, by entry id (for a page that names their steps). */
    public static Map<Long, StepRemark> of(List<TimelineEntry> timeline) {
        Map<Long, StepRemark> remarks = new LinkedHashMap<>();
        for (TimelineEntry e : timeline) {
            parse(e.action(), e.reason()).ifPresent(r -> remarks.put(e.id(), r));
        }
        return remarks;
    }
}
