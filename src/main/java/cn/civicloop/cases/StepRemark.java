package cn.civicloop.cases;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

import cn.civicloop.shared.DistrictTime;

/**
 * The remark of a timeline entry the system composes from a step and its values (an appeal received, an escalation,
 * a place corrected, a merge, an extension asked for or granted, a follow-up answer, the closing after it, personal
 * data masked; and the steps other modules write on a case: a road chief's fix on the spot, smart routing and hazard
 * rules, a call the 110 desk diverted, a footage request and its answer, an online-opinion response, a road chief's
 * hand-over). The row keeps the step and the values, never a sentence ({@code ESCALATED[HANDLE|75|REMIND]} for a
 * reminder at three quarters of the handling time), so a page or an answer names the step in the reader's language
 * from the bundles ({@link #label()}); rows written before held a Chinese sentence and are read as the same parts.
 * Only an entry of one of the kind's actions, and for a step a person could also write on such an entry (a note, a
 * closing) only one written by the system or the resident, is read this way: a note typed by staff is never taken for
 * one.
 *
 * @param values the step's values as stored, {@link #NONE} for one that is absent
 * @param text   the free text (a reason, a note), null when none was given
 */
public record StepRemark(Kind kind, List<String> values, String text) {

    /** The length of a timeline entry's remark. */
    public static final int MAX_STORED = 2000;

    /** Stands for an absent value (no earlier point, no standard address). */
    public static final String NONE = "-";

    /** The values of an appeal received ({@link Kind#SUBMITTED}) that say how its address placed it. */
    public static final String PLACED = "PLACED";
    public static final String NOT_PLACED = "NOT_PLACED";
    public static final String TO_CONFIRM = "CONFIRM";

    /** The value of an {@link Kind#OPINION_RESPONSE} assignment: the lead department's task follows. */
    public static final String LEAD = "LEAD";

    /** The steps written this way, with the actions whose entries hold them. */
    public enum Kind {
        /**
         * An appeal received (来源): values the channel, the urgency the resident asked for, how the address placed
         * it ({@link StepRemark#PLACED}, {@link StepRemark#NOT_PLACED} or none), the place's name, the match's
         * confidence, and {@link StepRemark#TO_CONFIRM} when the place is to be confirmed.
         */
        SUBMITTED(CaseAction.SUBMIT),
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
        /** An extension granted: values the working days and the new time limit (an instant); text the note. */
        EXTENSION_APPROVED(CaseAction.APPROVE_EXTENSION),
        /**
         * A follow-up answer: values resolved (true or false), the satisfaction and, when the answer is a merged
         * duplicate's reporter's, that duplicate's number; text the resident's note.
         */
        FOLLOW_UP_ANSWERED(CaseAction.FOLLOW_UP),
        /** Closed by the system once every reporter answered content: value the case's satisfaction. */
        AUTO_CLOSED(Set.of("SYSTEM"), CaseAction.CLOSE),
        /** Name, phone and address masked by the system when the retention period ended (PIPL); no values. */
        RETENTION_MASKED(Set.of("SYSTEM"), CaseAction.NOTE),
        /** Name, phone and address erased at the resident's request (PIPL); no values. */
        CONTACT_ERASED(Set.of("RESIDENT"), CaseAction.NOTE),
        /**
         * Fixed on the spot by a road chief (路长即知即改), the system's answer: values the chief's level (1 to 3) and
         * name; text what the chief did, as he wrote it (the case's reply too).
         */
        FIXED_ON_SPOT(Set.of("SYSTEM"), CaseAction.ANSWER),
        /** Registered by smart routing (智能分发自动受理); no values. */
        AUTO_REGISTERED(Set.of("SYSTEM"), CaseAction.REGISTER),
        /** Assigned by smart routing: values the category and the confidence in percent; text the rule's own note. */
        AUTO_ROUTED(Set.of("SYSTEM"), CaseAction.ASSIGN),
        /**
         * Assigned by a hazard rule: values the rule's name, the phrase that matched, true when the call is to go to
         * 110 at once and true when the case was diverted as a 110 linkage case.
         */
        HAZARD_ROUTED(Set.of("SYSTEM"), CaseAction.ASSIGN),
        /** Registered as a call the 110 desk diverted to a linked agency (110联动分流受理); no values. */
        LINKAGE_REGISTERED(Set.of("SYSTEM"), CaseAction.REGISTER),
        /** Assigned to the linked agency the 110 desk diverted the call to: value the desk officer's name; text his note. */
        LINKAGE_DIVERTED(Set.of("SYSTEM"), CaseAction.ASSIGN),
        /**
         * A footage request to the video centre (调取视频申请): values the request's number, the requester's name, the
         * time its answer is due, the cameras' codes and the span's start and end (instants); text the purpose.
         */
        FOOTAGE_REQUESTED(Set.of("SYSTEM"), CaseAction.NOTE),
        /**
         * The video centre's answer to a footage request: values the request's number, the answering person's name,
         * true when answered after its time, the footage's archive reference (none: no footage) and the span's start
         * and end (instants); text the answer's own words.
         */
        FOOTAGE_ANSWERED(Set.of("SYSTEM"), CaseAction.NOTE),
        /**
         * An online-opinion linked response opened on the case (网络舆情联动处置), on the opinion officer's word: values
         * the topic, the officer's name and, on the assignment, {@link StepRemark#LEAD}; text the lead's task.
         */
        OPINION_RESPONSE(Set.of("SYSTEM", "OPINION_OFFICER"), CaseAction.REGISTER, CaseAction.ASSIGN),
        /**
         * A road chief's issue handed over to the governance loop (路长移交): values the chief's level (1 to 3), name
         * and the number; text the chief's note.
         */
        ROAD_HANDED_OVER(Set.of("SYSTEM"), CaseAction.NOTE);

        private final Set<CaseAction> actions;
        private final Set<String> writers;

        Kind(CaseAction first, CaseAction... more) {
            this(Set.of(), first, more);
        }

        /** @param writers the roles whose entries alone hold this step (empty: any) */
        Kind(Set<String> writers, CaseAction first, CaseAction... more) {
            this.actions = EnumSet.of(first, more);
            this.writers = writers;
        }

        private boolean heldBy(CaseAction action, String actorRole) {
            return actions.contains(action) && (writers.isEmpty() || actorRole != null && writers.contains(actorRole));
        }
    }

    private static final Pattern STORED = Pattern.compile("([A-Z_]+)\\[([^\\]]*)\\](?:: (.*))?", Pattern.DOTALL);
    private static final DateTimeFormatter DISTRICT_MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(DistrictTime.ZONE);

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

    /** The remark as the row stores it, cut to the length a timeline entry keeps (for a step another module writes). */
    public String stored() {
        return stored(MAX_STORED);
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

    /**
     * The step named in a reader's language, for {@code MessageSource.getMessage(label(), locale)}: a message of the
     * cases' bundles ({@code cases.remark.<KIND>}) whose stages, steps, channels and satisfactions are named from the
     * bundles too; points, numbers and names are shown as they are, a time in the district's zone. A value without a
     * name (a note typed to look like a stored step) is shown as it is rather than failing the page.
     */
    public MessageSourceResolvable label() {
        String key = labelKey();
        return switch (kind) {
            case SUBMITTED -> message(key, named("cases.channel.", value(0)),
                    value(1) == null ? "" : message(key + ".urgency", named("cases.urgency.", value(1))),
                    placed());
            case ESCALATED -> message(key, named("cases.clock-stage.", value(0)), value(1),
                    named("cases.step.", value(2)));
            case PLACE_FIXED -> message(value(2) == null ? key : key + ".labelled",
                    value(0) == null ? message("cases.remark.no-point") : value(0), value(1), value(2));
            case EXTENSION_APPROVED -> message(key, value(0), districtMinute(value(1)));
            case FOLLOW_UP_ANSWERED -> message(value(2) == null ? key : key + ".merged",
                    named("cases.remark.resolved.", value(0)), named("cases.satisfaction.", value(1)), value(2));
            case AUTO_CLOSED -> message(key, named("cases.satisfaction.", value(0)));
            case RETENTION_MASKED, CONTACT_ERASED, AUTO_REGISTERED, LINKAGE_REGISTERED -> message(key);
            case DUPLICATE_MERGED, MERGED_INTO, EXTENSION_REQUESTED, LINKAGE_DIVERTED -> message(key, value(0));
            case FIXED_ON_SPOT -> message(key, named("cases.remark.chief-level.", value(0)), value(1));
            case ROAD_HANDED_OVER -> message(key, named("cases.remark.chief-level.", value(0)), value(1), value(2));
            case AUTO_ROUTED -> message(key, value(0), value(1));
            case OPINION_RESPONSE -> message(LEAD.equals(value(2)) ? key + ".lead" : key, value(0), value(1));
            case HAZARD_ROUTED -> message(key, flag(key + ".diverted", value(3)), value(0), value(1),
                    flag(key + ".refer-110", value(2)));
            case FOOTAGE_REQUESTED -> message(key, value(0), value(1), districtMinute(value(2)), value(3),
                    districtMinute(value(4)), districtMinute(value(5)));
            case FOOTAGE_ANSWERED -> message(key, value(0), value(1), flag(key + ".late", value(2)),
                    value(3) == null ? message(key + ".none")
                            : message(key + ".footage", value(3), districtMinute(value(4)), districtMinute(value(5))));
        };
    }

    /** The part of a label a true value adds ("" when the value is not true). */
    private static Object flag(String key, String value) {
        return Boolean.parseBoolean(value) ? message(key) : "";
    }

    /** How the address placed an appeal received, as the part of its label that says so ("" when none was given). */
    private Object placed() {
        String key = labelKey();
        Object confirm = TO_CONFIRM.equals(value(5)) ? message(key + ".to-confirm") : "";
        if (PLACED.equals(value(2))) {
            return message(key + ".placed", String.valueOf(value(3)), String.valueOf(value(4)), confirm);
        }
        return NOT_PLACED.equals(value(2)) ? message(key + ".not-placed", confirm) : "";
    }

    private static MessageSourceResolvable message(String key, Object... args) {
        return new DefaultMessageSourceResolvable(new String[] {key}, args);
    }

    private static MessageSourceResolvable named(String prefix, String value) {
        return new DefaultMessageSourceResolvable(new String[] {prefix + value}, null, String.valueOf(value));
    }

    private static String districtMinute(String instant) {
        try {
            return instant == null ? "" : DISTRICT_MINUTE.format(Instant.parse(instant));
        } catch (DateTimeParseException e) {
            return instant;
        }
    }

    /** The parts of the remark of an entry of {@code action}, in either form; empty for any other text. */
    public static Optional<StepRemark> parse(CaseAction action, String reason) {
        return parse(action, null, reason);
    }

    /**
     * The parts of the remark of an entry of {@code action} written in the role {@code actorRole} (a role's name,
     * null when not known: then only the steps that any role may hold are read), in either form; empty for any other
     * text.
     */
    public static Optional<StepRemark> parse(CaseAction action, String actorRole, String reason) {
        if (reason == null) {
            return Optional.empty();
        }
        Matcher m = STORED.matcher(reason);
        if (m.matches()) {
            for (Kind kind : Kind.values()) {
                if (kind.name().equals(m.group(1)) && kind.heldBy(action, actorRole)) {
                    List<String> values = m.group(2).isEmpty() ? List.of() : List.of(m.group(2).split("\\|", -1));
                    return Optional.of(EarlierRemarks.settled(new StepRemark(kind, values, m.group(3))));
                }
            }
            return Optional.empty();
        }
        return EarlierRemarks.parse(reason).filter(r -> r.kind().heldBy(action, actorRole));
    }

    /** The step remarks of a timeline, by entry id (for a page that names their steps). */
    public static Map<Long, StepRemark> of(List<TimelineEntry> timeline) {
        Map<Long, StepRemark> remarks = new LinkedHashMap<>();
        for (TimelineEntry e : timeline) {
            parse(e.action(), e.actorRole(), e.reason()).ifPresent(r -> remarks.put(e.id(), r));
        }
        return remarks;
    }
}
