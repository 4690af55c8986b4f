/**
 * Routing (智能分发): suggests the first-level category (一级分类) of a citizen appeal from its title and/or body —
 * 城乡建设, 环境保护, 交通运输, 教育文体, 劳动和社会保障, 商贸旅游, 卫生计生 — as a ranked list with calibrated
 * confidence, and says whether the top suggestion is sure enough to route without a person.
 * <p>
 * It trains its linear model ({@link cn.civicloop.classifier.RoutingTrainer}) from CSV files or from examples handed
 * in, keeps it in one versioned file ({@link cn.civicloop.classifier.RoutingModel}), and decides whether a retrained
 * model may replace the current one ({@link cn.civicloop.classifier.ModelReplacement}). A stand-alone command line
 * ({@link cn.civicloop.classifier.RoutingCommandLine}) trains and classifies without starting the application.
 * <p>
 * It must not: call the network or download models (segmentation dictionaries ship inside the HanLP jar); know
 * about cases, departments or staff (mapping a category to a handling unit belongs to the caller); store anything
 * on its own; or ship a model trained on data without a licence for redistribution. Sub-packages are internal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Classifier (智能分发·分类器)", allowedDependencies = "shared")
package cn.civicloop.classifier;
