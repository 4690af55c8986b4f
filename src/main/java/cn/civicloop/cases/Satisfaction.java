package cn.civicloop.cases;

/** The resident's verdict at follow-up (回访满意度). */
public enum Satisfaction {
    SATISFIED("满意"), BASICALLY_SATISFIED("基本满意"), DISSATISFIED("不满意");

    private final String label;

    Satisfaction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
