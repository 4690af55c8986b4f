package cn.civicloop.classifier;

import java.time.Instant;

/**
 * What a routing model is (模型元数据): its version, when and on how many examples it was trained, the vocabulary
 * size, the macro-F1 its training run measured out of fold, and the confidence from which it routes on its own.
 */
public record ModelInfo(String version, Instant createdAt, int trainingSize, int vocabularySize,
        double outOfFoldMacroF1, double autoRouteThreshold) {
}
