package cn.civicloop.classifier;

import cn.civicloop.classifier.model.Classifier;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A trained routing model (分发模型): immutable, thread-safe, and kept in one gzip file holding metadata,
 * vocabulary, idf, weights, labels and calibration. A loaded model predicts exactly as the saved one.
 */
public final class RoutingModel {

    private static final int MAGIC = 0x434C524D; // "CLRM"
    static final int FORMAT_VERSION = 5;

    private final ModelInfo info;
    private final Classifier classifier;

    RoutingModel(ModelInfo info, Classifier classifier) {
        this.info = info;
        this.classifier = classifier;
    }

    public ModelInfo info() {
        return info;
    }

    public List<String> labels() {
        return classifier.labels();
    }

    /** Ranks the categories for a message; title or detail may be blank, not both. */
    public RoutingSuggestion suggest(String title, String detail) {
        double[] p = classifier.probabilities(title, detail);
        List<LabelConfidence> ranked = new ArrayList<>(p.length);
        for (int i = 0; i < p.length; i++) {
            ranked.add(new LabelConfidence(classifier.labels().get(i), p[i]));
        }
        ranked.sort(Comparator.comparingDouble(LabelConfidence::confidence).reversed());
        return new RoutingSuggestion(ranked, ranked.get(0).confidence() >= info.autoRouteThreshold());
    }

    Classifier classifier() {
        return classifier;
    }

    public void save(Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            writeTo(out);
        }
        // write-then-move: a crash never leaves a half-written model where a reader expects a whole one
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    public void writeTo(OutputStream target) throws IOException {
        GZIPOutputStream gzip = new GZIPOutputStream(target, 1 << 16);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(gzip, 1 << 16));
        out.writeInt(MAGIC);
        out.writeInt(FORMAT_VERSION);
        out.writeUTF(info.version());
        out.writeLong(info.createdAt().toEpochMilli());
        out.writeInt(info.trainingSize());
        out.writeDouble(info.outOfFoldMacroF1());
        out.writeDouble(info.autoRouteThreshold());
        classifier.write(out);
        out.flush();
        gzip.finish();
    }

    public static RoutingModel load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": model file not found");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return readFrom(in);
        }
    }

    public static RoutingModel readFrom(InputStream source) throws IOException {
        DataInputStream in;
        try {
            in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(source, 1 << 16), 1 << 16));
            if (in.readInt() != MAGIC) {
                throw new IOException("not a CivicLoop routing model");
            }
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new IOException("not a CivicLoop routing model", e);
        }
        int format = in.readInt();
        if (format < 1 || format > FORMAT_VERSION) {
            throw new IOException("routing model format " + format + " is not supported (expected "
                    + FORMAT_VERSION + "); retrain the model");
        }
        String version = in.readUTF();
        Instant createdAt = Instant.ofEpochMilli(in.readLong());
        int trainingSize = in.readInt();
        double macroF1 = in.readDouble();
        double threshold = in.readDouble();
        Classifier classifier = Classifier.read(in, format);
        return new RoutingModel(new ModelInfo(version, createdAt, trainingSize, classifier.vocabulary().size(),
                macroF1, threshold), classifier);
    }
}
