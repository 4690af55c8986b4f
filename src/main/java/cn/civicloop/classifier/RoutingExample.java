package cn.civicloop.classifier;

/**
 * A training example (训练样本): a message's title and/or body with its confirmed first-level category.
 * Either text may be missing, not both.
 */
public record RoutingExample(String title, String detail, String label) {

    public RoutingExample {
        title = title == null ? "" : title.strip();
        detail = detail == null ? "" : detail.strip();
        label = label == null ? "" : label.strip();
        if (label.isEmpty()) {
            throw new IllegalArgumentException("a training example needs a label");
        }
        if (title.isEmpty() && detail.isEmpty()) {
            throw new IllegalArgumentException("a training example needs a title or a detail text");
        }
    }
}
