package cn.civicloop.roads.internal.issues;

/**
 * Where an issue found on the road stands. Pages show the label of {@code roads.issue.status.<NAME>} from the
 * message bundles; {@link #label()} is the Chinese name for the API and its messages.
 */
public enum IssueStatus {
    /** 即知即改: fixed on the spot by the chief who found it; a closed case records it in the loop. */
    FIXED("即知即改"),
    /** With a chief who has to answer it: fix, pass up, hand to a department. */
    PENDING("待处置"),
    /** Handed to the governance loop as a case. */
    HANDED_OVER("已移交部门"),
    /** Settled by the chief holding it. */
    RESOLVED("已办结");

    private final String label;

    IssueStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
