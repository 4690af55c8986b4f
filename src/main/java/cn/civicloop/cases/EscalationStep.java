package cn.civicloop.cases;

/** What the escalation ladder does when a clock passes a share of its limit. */
public enum EscalationStep {
    /** 提醒: remind the people who hold the stage. */
    REMIND("提醒", CaseAction.REMIND),
    /** 督办: formal supervision; the department head is told and the handler must acknowledge. */
    SUPERVISE("督办", CaseAction.SUPERVISE),
    /** 通报: circulated to the district leaders. */
    CIRCULATE("通报", CaseAction.CIRCULATE);

    private final String label;
    private final CaseAction action;

    EscalationStep(String label, CaseAction action) {
        this.label = label;
        this.action = action;
    }

    public String label() {
        return label;
    }

    /** The action the step is recorded as on the case's timeline. */
    public CaseAction action() {
        return action;
    }
}
