package cn.civicloop.dispatch;

/** What can happen to a unit; each is recorded with who, when and why. */
public enum UnitAction {
    DISPATCH("派警"),
    ACKNOWLEDGE("接令"),
    EN_ROUTE("出发"),
    ARRIVE("到达现场"),
    CLEAR("处置完毕"),
    /** The centre takes the order back before arrival (改派/撤销). */
    RECALL("撤回指令"),
    GO_OUT_OF_SERVICE("暂停服务"),
    RETURN_TO_SERVICE("恢复巡逻");

    private final String label;

    UnitAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
