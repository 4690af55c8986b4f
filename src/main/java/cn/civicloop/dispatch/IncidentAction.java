package cn.civicloop.dispatch;

/** What can happen to an incident. */
public enum IncidentAction {
    DISPATCH_UNIT("派警"),
    UNIT_ARRIVED("到达现场"),
    /** The last unit cleared. */
    CLEAR("处置完毕"),
    /** The centre withdrew every unit before any arrived; the incident goes back to the queue. */
    REQUEUE("退回待派"),
    CANCEL("撤销警情"),
    ATTACH_CALL("重复报警并入"),
    DIVERT("联动分流"),
    LINKAGE_FEEDBACK("联动反馈"),
    LINKAGE_CLOSED("联动办结");

    private final String label;

    IncidentAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
