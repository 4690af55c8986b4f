package cn.civicloop.dispatch;

/** Where an incident (警情) stands. Allowed moves: {@code internal.IncidentTransitions}. */
public enum IncidentStatus {
    /** 待派警 — entered, no unit yet (the pending queue). */
    OPEN("待派警", false),
    DISPATCHED("已派警", false),
    ON_SCENE("现场处置", false),
    /** 处置完毕 — every unit cleared. */
    CLEARED("已处置", true),
    CANCELLED("已撤销", true),
    /** 联动分流 — handed to a linked agency as a case; open until its feedback closes it. */
    DIVERTED("已分流联动", false),
    /** The linked agency's case was closed. */
    CLOSED("联动办结", true);

    private final String label;
    private final boolean ended;

    IncidentStatus(String label, boolean ended) {
        this.label = label;
        this.ended = ended;
    }

    public String label() {
        return label;
    }

    public boolean ended() {
        return ended;
    }

    /** Police are (or will be) working it: calls about the same event attach to it. */
    public boolean policeOpen() {
        return this == OPEN || this == DISPATCHED || this == ON_SCENE;
    }
}
