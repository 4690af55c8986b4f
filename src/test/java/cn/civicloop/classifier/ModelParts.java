package cn.civicloop.classifier;

import cn.civicloop.classifier.model.Classifier;

/** The fitted pipeline inside a routing model, for benchmarks and tests outside this package. */
public final class ModelParts {

    private ModelParts() {
    }

    public static Classifier classifier(RoutingModel model) {
        return model.classifier();
    }
}
