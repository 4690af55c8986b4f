package cn.civicloop.cases;

/** 紧急程度. An urgent case must be answered the same day. */
public enum Urgency {
    NORMAL("一般"), URGENT("紧急");

    private final String label;

    Urgency(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
