package cn.civicloop.cases;

/** Where a case stands (工单状态). */
public enum CaseStatus {
    SUBMITTED("待受理", false),
    REGISTERED("已受理待派单", false),
    ASSIGNED("已派单待签收", false),
    RETURN_REQUESTED("退单待审", false),
    IN_PROGRESS("办理中", false),
    EXTENSION_REQUESTED("延期待审", false),
    PARKED("挂账", false),
    REPLIED("已反馈待审核", false),
    AWAITING_FOLLOW_UP("待回访", false),
    CLOSED("已办结", true),
    DECLINED("不予受理", true),
    VOIDED("已作废", true);

    private final String label;
    private final boolean ended;

    CaseStatus(String label, boolean ended) {
        this.label = label;
        this.ended = ended;
    }

    public String label() {
        return label;
    }

    /** No further handling happens (a closed case may still be reopened once by its resident). */
    public boolean ended() {
        return ended;
    }
}
