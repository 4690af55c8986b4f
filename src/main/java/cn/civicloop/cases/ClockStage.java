package cn.civicloop.cases;

/** The stages of a case that each run their own deadline clock (分阶段时限). */
public enum ClockStage {
    /** 签收: from assignment until the department signs for the case. */
    SIGN("签收"),
    /** 首次联系: from signing until the handler has contacted the resident. */
    CONTACT("首次联系"),
    /** 办结: from intake until the handler's reply (the resident's expected completion). */
    HANDLE("办结"),
    /** 审核: from the reply until the information officer's review. */
    REVIEW("审核"),
    /** 回访: from approval until the follow-up is done and the case closed. */
    FOLLOW_UP("回访");

    private final String label;

    ClockStage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
