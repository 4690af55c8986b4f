package cn.civicloop.cases;

/** What the escalation ladder does when a clock passes a share of its limit. */
public enum EscalationStep {
    /** 提醒: remind the people who hold the stage. */
    REMIND("提醒"),
    /** 督办: formal supervision; the department head is told and the handler must acknowledge. */
    SUPERVISE("督办"),
    /** 通报: reported to the district leaders. */
    REPORT("通报");

    private final String label;

    EscalationStep(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
