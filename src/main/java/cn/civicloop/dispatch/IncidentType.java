package cn.civicloop.dispatch;

/**
 * Kinds of 110/122 call with their usual priority (1 = highest: threat to life, crime in progress). Calls of the
 * same {@code group} about the same place are treated as one event when checking duplicates.
 */
public enum IncidentType {
    VIOLENCE("打架斗殴/人身伤害", 1, "violence"),
    ROBBERY("抢劫抢夺", 1, "crime"),
    THEFT("盗窃", 2, "crime"),
    TRAFFIC_INJURY("交通事故（有人伤）", 1, "traffic"),
    TRAFFIC_MINOR("轻微交通事故（无人伤）", 3, "traffic"),
    FIRE_GAS("火情/燃气泄漏", 1, "hazard"),
    DISPUTE("纠纷", 3, "dispute"),
    NOISE("噪音扰民", 4, "nuisance"),
    MISSING_PERSON("人员走失", 2, "help"),
    SUSPICIOUS("可疑情况", 3, "crime"),
    OTHER("其他求助", 3, "other");

    private final String label;
    private final int defaultPriority;
    private final String group;

    IncidentType(String label, int defaultPriority, String group) {
        this.label = label;
        this.defaultPriority = defaultPriority;
        this.group = group;
    }

    public String label() {
        return label;
    }

    public int defaultPriority() {
        return defaultPriority;
    }

    public boolean similarTo(IncidentType other) {
        return group.equals(other.group);
    }
}
