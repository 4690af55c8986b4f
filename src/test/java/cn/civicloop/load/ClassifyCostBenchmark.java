package cn.civicloop.load;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;

import de.bwaldvogel.liblinear.Feature;

import cn.civicloop.classifier.ModelParts;
import cn.civicloop.classifier.RoutingModel;
import cn.civicloop.classifier.model.Classifier;
import cn.civicloop.classifier.model.TextFeatures;

/**
 * CPU of one appeal's classification (a command, not a test), by part: the features as a map of term strings and
 * their vector, as classification made them before, against the vector made straight from the text
 * ({@code Vocabulary.vectorise(title, detail, config)}), and the linear scores; checks that both vectors and the
 * scores are the same, value for value. The model is the one a database has in service (a load benchmark's run);
 * the texts are the load benchmark's. Thread CPU time; the load average is printed with it.
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat cp.txt) cn.civicloop.load.ClassifyCostBenchmark &lt;database&gt; [texts] [rounds]
 * </pre>
 */
public final class ClassifyCostBenchmark {

    private ClassifyCostBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Classifier classifier = ModelParts.classifier(model(args[0]));
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        AppealTexts texts = AppealTexts.read(AppealTexts.DEFAULT);
        int differ = 0;
        for (int i = 0; i < n; i++) { // warm-up, and the check that both ways agree
            String[] t = texts.get(i);
            Feature[] before = mapped(classifier, t[0], t[1]);
            Feature[] now = classifier.vocabulary().vectorise(t[0], t[1], classifier.config());
            if (!same(before, now) || !Arrays.equals(classifier.linear().scores(before),
                    classifier.scores(t[0], t[1]))) {
                differ++;
            }
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 1; round <= rounds; round++) {
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
                String[] t = texts.get(i);
                mapped(classifier, t[0], t[1]);
            }
            double map = (threads.getCurrentThreadCpuTime() - start) / 1e3 / n;
            start = threads.getCurrentThreadCpuTime();
            Feature[][] vectors = new Feature[n][];
            for (int i = 0; i < n; i++) {
                String[] t = texts.get(i);
                vectors[i] = classifier.vocabulary().vectorise(t[0], t[1], classifier.config());
            }
            double direct = (threads.getCurrentThreadCpuTime() - start) / 1e3 / n;
            start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
                classifier.linear().scores(vectors[i]);
            }
            double scores = (threads.getCurrentThreadCpuTime() - start) / 1e3 / n;
            System.out.printf("round %d, %d real texts: features and vector %.0f µs per appeal from a map of terms,"
                    + " %.0f µs straight from the text; linear scores %.0f µs; load average %s%n", round, n, map,
                    direct, scores, Files.readString(Path.of("/proc/loadavg")).strip());
        }
        System.out.printf("%d of %d appeals differ in vector or scores%n", differ, n);
    }

    /** As classification made the vector before: every term occurrence a string in a map, then looked up. */
    private static Feature[] mapped(Classifier classifier, String title, String detail) {
        return classifier.vocabulary().vectorise(TextFeatures.of(title, detail, classifier.config()));
    }

    private static boolean same(Feature[] a, Feature[] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (a[i].getIndex() != b[i].getIndex()
                    || Double.doubleToLongBits(a[i].getValue()) != Double.doubleToLongBits(b[i].getValue())) {
                return false;
            }
        }
        return true;
    }

    private static RoutingModel model(String database) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database, "postgres",
                ""); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select model from triage_model where active = true")) {
            if (!r.next()) {
                throw new IllegalStateException(database + " has no routing model in service");
            }
            return RoutingModel.readFrom(new ByteArrayInputStream(r.getBytes(1)));
        }
    }
}
