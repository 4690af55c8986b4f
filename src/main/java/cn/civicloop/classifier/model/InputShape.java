package cn.civicloop.classifier.model;

/**
 * What a message offers (留言的组成): a title only, a body only, or both. Scores of a two-line title and of a long
 * message are not equally sharp, so confidence is calibrated per shape.
 */
public enum InputShape {
    TITLE, DETAIL, BOTH;

    public static InputShape of(String title, String detail) {
        boolean hasTitle = title != null && !title.isBlank();
        boolean hasDetail = detail != null && !detail.isBlank();
        if (!hasTitle && !hasDetail) {
            throw new IllegalArgumentException("a message needs a title or a detail text");
        }
        return hasTitle && hasDetail ? BOTH : hasTitle ? TITLE : DETAIL;
    }
}
