package cn.civicloop.dispatch;

/** Where a police unit (巡组) stands. Which action is allowed in which status: {@code internal.UnitTransitions}. */
public enum UnitStatus {
    /** 巡逻可派 — patrolling its block (有警接警、无警巡逻), may be dispatched. */
    AVAILABLE("巡逻可派", "#2e7d32"),
    /** 已下达指令 — the order was sent to the terminal. */
    DISPATCHED("已派警", "#f9a825"),
    /** 已接收 — the terminal acknowledged the order. */
    ACKNOWLEDGED("已接令", "#ef6c00"),
    /** 出警途中 — moving to the scene. */
    EN_ROUTE("出警途中", "#e65100"),
    /** 到达现场 — on scene until it clears (处置完毕 → available again). */
    ON_SCENE("现场处置", "#c62828"),
    /** 暂停服务 — break, handover, vehicle down. */
    OUT_OF_SERVICE("暂停服务", "#757575");

    private final String label;
    private final String colour;

    UnitStatus(String label, String colour) {
        this.label = label;
        this.colour = colour;
    }

    public String label() {
        return label;
    }

    /** The colour of the unit on the command map. */
    public String colour() {
        return colour;
    }

    /** Busy with an incident. */
    public boolean committed() {
        return this == DISPATCHED || this == ACKNOWLEDGED || this == EN_ROUTE || this == ON_SCENE;
    }
}
