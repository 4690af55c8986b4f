package cn.civicloop.classifier.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import de.bwaldvogel.liblinear.Feature;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The nearest training texts vote for their own labels: a paraphrase of one training text gets that text's label
 * from its nearest neighbour, even where most training texts that share its words have another label; the votes
 * survive the model file; only complete messages get them.
 */
class NeighboursTests {

    /** The default settings with every training term kept (five texts share few terms twice). */
    private static final FeatureConfig CONFIG = new FeatureConfig(2, true, 1, 0.7f, 1.0f, 1.0f, 0.5, 0.0, 0.25, 3,
            0.05, 0.01, 3, true, 10, 0.8);
    private static final int TRAFFIC = 0;
    private static final int ENVIRONMENT = 1;
    private static final String[][] TRAINING = {
        {"小区门口道路破损", "小区门口的道路坑洼不平，车辆通行困难，希望尽快修补。"},
        {"公交站台破损", "小区门口的公交站台破损多日，雨天无处避雨，希望尽快修理。"},
        {"路口红绿灯故障", "小区门口路口的红绿灯坏了，车辆通行混乱，希望尽快修理。"},
        {"工厂夜间排放黑烟", "小区门口的工厂每天夜间排放黑烟，气味刺鼻，居民无法开窗。"},
        {"河道污水排放", "河边的养殖场向河道排放污水，河水发黑发臭。"},
    };

    private static TermIndex index;
    private static Vocabulary.Fitted fitted;
    private static Neighbours neighbours;
    private static int[][] columns;
    private static int[][] counts;

    @BeforeAll
    static void trainingTexts() {
        index = new TermIndex();
        List<TermIndex.Document> docs = java.util.Arrays.stream(TRAINING).map(NeighboursTests::document).toList();
        fitted = Vocabulary.fit(docs, index, CONFIG);
        columns = new int[docs.size()][];
        counts = new int[docs.size()][];
        for (int i = 0; i < docs.size(); i++) {
            columns[i] = fitted.columns(docs.get(i))[0];
            counts[i] = fitted.columns(docs.get(i))[1];
        }
        // five texts: every term is in more than 2 % of them, so here every term searches
        neighbours = new Neighbours(new int[] {TRAFFIC, TRAFFIC, TRAFFIC, ENVIRONMENT, ENVIRONMENT}, columns, counts,
                fitted.vocabulary(), 1.0);
    }

    @Test
    void aParaphraseOfATrainingTextGetsItsLabelFromItsNearestNeighbour() {
        // shares 小区门口 and 希望尽快 with the traffic texts, but is nearest to the factory's black smoke
        Feature[] paraphrase = vector("工厂夜间冒黑烟", "小区门口那家工厂夜间排放黑烟，气味很刺鼻，希望尽快处理。");

        double[] nearest = neighbours.votes(paraphrase, 1, 2);
        double[] three = neighbours.votes(paraphrase, 3, 2);

        assertThat(nearest).containsExactly(0.0, 1.0);
        assertThat(three[ENVIRONMENT]).isGreaterThan(three[TRAFFIC]);
        assertThat(three[TRAFFIC] + three[ENVIRONMENT]).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void theTermsOfMostTrainingTextsDoNotSearch() {
        Neighbours rareTermsOnly = new Neighbours(new int[] {TRAFFIC, TRAFFIC, TRAFFIC, ENVIRONMENT, ENVIRONMENT},
                columns, counts, fitted.vocabulary(), 0.5);
        // 小区门口 is in four of the five bodies, 希望尽快 in three: more than half
        Feature[] common = vector("", "小区门口希望尽快");
        Feature[] rare = vector("", "工厂排放黑烟");

        assertThat(neighbours.votes(common, 3, 2)).isNotEqualTo(new double[] {0.0, 0.0});
        assertThat(rareTermsOnly.votes(common, 3, 2)).containsExactly(0.0, 0.0);
        assertThat(rareTermsOnly.votes(rare, 1, 2)).containsExactly(0.0, 1.0);
    }

    @Test
    void theVotesAreTheSameAfterTheModelFile() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        neighbours.write(new DataOutputStream(bytes));
        Neighbours read = Neighbours.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())),
                fitted.vocabulary());
        Neighbours rareTermsOnly = new Neighbours(new int[] {TRAFFIC, TRAFFIC, TRAFFIC, ENVIRONMENT, ENVIRONMENT},
                columns, counts, fitted.vocabulary(), 0.5);
        bytes.reset();
        rareTermsOnly.write(new DataOutputStream(bytes));
        Neighbours readRare = Neighbours.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())),
                fitted.vocabulary());
        Feature[] text = vector("路口红绿灯不亮", "小区门口路口的红绿灯不亮了，希望尽快修理。");

        assertThat(read.size()).isEqualTo(TRAINING.length);
        assertThat(read.votes(text, 3, 2)).containsExactly(neighbours.votes(text, 3, 2));
        // the share of common terms left out is the model's own, not today's constant
        assertThat(readRare.votes(vector("", "小区门口希望尽快"), 3, 2)).containsExactly(0.0, 0.0);
        assertThat(read.votes(vector("", "小区门口希望尽快"), 3, 2)).isNotEqualTo(new double[] {0.0, 0.0});
        assertThat(readRare.votes(vector("", "工厂排放黑烟"), 1, 2)).containsExactly(0.0, 1.0);
    }

    @Test
    void onlyACompleteMessageGetsVotes() {
        LinearModel silent = new LinearModel(2, fitted.vocabulary().size(),
                new float[2 * (fitted.vocabulary().size() + 1)]);
        Feature[] title = vector("工厂夜间排放黑烟", "");
        Feature[] complete = vector("工厂夜间排放黑烟", "小区门口的工厂夜间排放黑烟。");

        assertThat(Classifier.scores(silent, neighbours, CONFIG, title, InputShape.TITLE)).containsExactly(0.0, 0.0);
        double[] scores = Classifier.scores(silent, neighbours, CONFIG, complete, InputShape.BOTH);
        assertThat(scores[ENVIRONMENT]).isGreaterThan(scores[TRAFFIC]);
        assertThat(scores[TRAFFIC] + scores[ENVIRONMENT]).isCloseTo(CONFIG.neighbourWeight(), within(1e-9));
    }

    private static TermIndex.Document document(String[] text) {
        return index.document(TextFeatures.of(text[0], text[1], CONFIG), InputShape.of(text[0], text[1]));
    }

    private static Feature[] vector(String title, String detail) {
        return fitted.vocabulary().vectorise(title, detail, CONFIG);
    }
}
