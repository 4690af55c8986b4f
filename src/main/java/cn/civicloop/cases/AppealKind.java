package cn.civicloop.cases;

/** The five kinds of appeal (诉求类型) of 12345 practice; each has its own default time limit. */
public enum AppealKind {
    ENQUIRY("咨询"), HELP("求助"), COMPLAINT("投诉"), REPORT("举报"), SUGGESTION("建议");

    private final String label;

    AppealKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
