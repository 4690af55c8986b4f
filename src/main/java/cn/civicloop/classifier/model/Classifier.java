package cn.civicloop.classifier.model;

import de.bwaldvogel.liblinear.Feature;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The fitted pipeline (分类器): features → TF-IDF → linear scores, plus the nearest training texts' votes on a complete
 * message → calibrated probabilities, and its binary form. Everything needed to reproduce a prediction is in here;
 * nothing is looked up elsewhere at prediction time.
 */
public record Classifier(FeatureConfig config, List<String> labels, Vocabulary vocabulary, LinearModel linear,
        Calibration calibration, Neighbours neighbours) {

    /** Without training texts to vote (models trained without neighbours). */
    public Classifier(FeatureConfig config, List<String> labels, Vocabulary vocabulary, LinearModel linear,
            Calibration calibration) {
        this(config, labels, vocabulary, linear, calibration, Neighbours.none());
    }

    /** Probabilities in the order of {@link #labels()}; they sum to 1. */
    public double[] probabilities(String title, String detail) {
        InputShape shape = InputShape.of(title, detail);
        return calibration.probabilities(scores(title, detail), shape);
    }

    public double[] scores(String title, String detail) {
        return scores(linear, neighbours, config, vocabulary.vectorise(title, detail, config),
                InputShape.of(title, detail));
    }

    /** The linear scores of a vector, plus its neighbours' votes when it is a complete message. */
    static double[] scores(LinearModel linear, Neighbours neighbours, FeatureConfig config, Feature[] x,
            InputShape shape) {
        double[] scores = linear.scores(x);
        if (shape == InputShape.BOTH && config.votes()) {
            neighbours.addVotes(scores, x, config.neighbours(), config.neighbourWeight());
        }
        return scores;
    }

    public void write(DataOutput out) throws IOException {
        out.writeInt(config.maxCharGram());
        out.writeBoolean(config.words());
        out.writeInt(config.minDf());
        out.writeFloat(config.titleWeight());
        out.writeFloat(config.detailWeight());
        out.writeFloat(config.sharedWeight());
        out.writeDouble(config.svmC());
        out.writeDouble(config.lrC());
        out.writeDouble(config.lrMix());
        out.writeInt(config.calibrationFolds());
        out.writeDouble(config.nbWeight());
        out.writeDouble(config.nbAlpha());
        out.writeInt(config.detailCharGram());
        out.writeBoolean(config.routingTerms());
        out.writeInt(config.neighbours());
        out.writeDouble(config.neighbourWeight());
        out.writeInt(labels.size());
        for (String label : labels) {
            out.writeUTF(label);
        }
        String[] terms = vocabulary.terms();
        float[] idf = vocabulary.idf();
        out.writeInt(terms.length);
        for (int i = 0; i < terms.length; i++) {
            out.writeUTF(terms[i]);
            out.writeFloat(idf[i]);
        }
        float[] weights = linear.weights();
        for (float w : weights) {
            out.writeFloat(w);
        }
        for (InputShape shape : InputShape.values()) {
            out.writeDouble(calibration.temperature(shape));
        }
        neighbours.write(out);
    }

    /** Reads the current form; {@link #read(DataInput, int)} for older model files. */
    public static Classifier read(DataInput in) throws IOException {
        return read(in, 5);
    }

    /**
     * Format 1 has no naive-Bayes settings (its weights never included one); format 2 stores them; format 3 adds the
     * body's longest n-gram (before it, as long as the others); format 4 whether our segmentation words were used
     * (before it, never); format 5 the neighbours' votes, their settings and the training texts (before it, none).
     */
    public static Classifier read(DataInput in, int format) throws IOException {
        FeatureConfig c = new FeatureConfig(in.readInt(), in.readBoolean(), in.readInt(), in.readFloat(),
                in.readFloat(), in.readFloat(), in.readDouble(), in.readDouble(), in.readDouble(), in.readInt());
        FeatureConfig config = format < 2 ? c : new FeatureConfig(c.maxCharGram(), c.words(), c.minDf(),
                c.titleWeight(), c.detailWeight(), c.sharedWeight(), c.svmC(), c.lrC(), c.lrMix(),
                c.calibrationFolds(), in.readDouble(), in.readDouble());
        if (format >= 3) {
            config = new FeatureConfig(config.maxCharGram(), config.words(), config.minDf(), config.titleWeight(),
                    config.detailWeight(), config.sharedWeight(), config.svmC(), config.lrC(), config.lrMix(),
                    config.calibrationFolds(), config.nbWeight(), config.nbAlpha(), in.readInt());
        }
        if (format >= 4) {
            config = config.withRoutingTerms(in.readBoolean());
        }
        if (format >= 5) {
            config = config.withNeighbours(in.readInt(), in.readDouble());
        }
        int labelCount = in.readInt();
        List<String> labels = new ArrayList<>(labelCount);
        for (int i = 0; i < labelCount; i++) {
            labels.add(in.readUTF());
        }
        int termCount = in.readInt();
        String[] terms = new String[termCount];
        float[] idf = new float[termCount];
        for (int i = 0; i < termCount; i++) {
            terms[i] = in.readUTF();
            idf[i] = in.readFloat();
        }
        float[] weights = new float[labelCount * (termCount + 1)];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = in.readFloat();
        }
        Map<InputShape, Double> temperatures = new EnumMap<>(InputShape.class);
        for (InputShape shape : InputShape.values()) {
            temperatures.put(shape, in.readDouble());
        }
        Vocabulary vocabulary = new Vocabulary(terms, idf, config);
        Neighbours neighbours = format >= 5 ? Neighbours.read(in, vocabulary) : Neighbours.none();
        return new Classifier(config, List.copyOf(labels), vocabulary, new LinearModel(labelCount, termCount, weights),
                new Calibration(temperatures), neighbours);
    }
}
