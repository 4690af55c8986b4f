package cn.civicloop.classifier;

/** One category with the model's calibrated probability that it is the right one (置信度, 0–1). */
public record LabelConfidence(String label, double confidence) {
}
