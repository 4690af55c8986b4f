package cn.civicloop.triage;

/**
 * How grave a hazard or linkage rule (险情·联动规则) is, which is also the order in which matching rules decide:
 * {@link #LIFE} before {@link #DANGER} before {@link #LINKAGE}; within a level the lower priority number, then the
 * older rule. Labels come from the triage message bundle ({@code triage.level.*}).
 */
public enum HazardLevel {
    /** 生命安全: people are in danger now (gas leak, fire, someone trapped, injured, drowning, poisoned). */
    LIFE,
    /** 险情: a danger to people or property with nobody said to be hurt yet (flooding, collapse, live wires). */
    DANGER,
    /** 联动: not dangerous, but the matter belongs to a linked agency (minor accident → insurer, noise → 执法局). */
    LINKAGE
}
