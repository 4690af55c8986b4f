package cn.civicloop.cases;

import java.util.Arrays;
import java.util.List;

/**
 * The kinds of appeal (诉求类型); each has its own default time limits. The five of 12345 practice are chosen by
 * residents and operators; the 110 kinds are set only by the police desk when it hands a call to a linked agency
 * (联动分流, channel {@link Channel#POLICE_110}), with the linkage time limits.
 */
public enum AppealKind {
    ENQUIRY("咨询", false), HELP("求助", false), COMPLAINT("投诉", false), REPORT("举报", false),
    SUGGESTION("建议", false),
    /** 110求助: a non-police request for help from a 110 call (a minor accident for the insurer, a noise call, ...). */
    LINKAGE_HELP("110求助", true),
    /** 110纠纷: a dispute from a 110 call, handed to a linked agency for mediation. */
    LINKAGE_DISPUTE("110纠纷", true);

    private final String label;
    private final boolean linkage;

    AppealKind(String label, boolean linkage) {
        this.label = label;
        this.linkage = linkage;
    }

    public String label() {
        return label;
    }

    /** A 110 kind: only a call diverted by the police desk has it. */
    public boolean linkage() {
        return linkage;
    }

    /** The kinds a resident or an operator may choose (the 12345 five). */
    public static List<AppealKind> chosenByPeople() {
        return Arrays.stream(values()).filter(k -> !k.linkage).toList();
    }
}
