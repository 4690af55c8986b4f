package cn.civicloop.classifier.model;

/**
 * Scores predictions against the truth (评估): accuracy, macro-F1 (the mean of the per-label F1, so that small
 * labels such as 交通运输 count as much as 城乡建设) and recall per label. Predictions of −1 (unknown label) are
 * simply wrong.
 */
public record Evaluation(double accuracy, double macroF1, double[] recall, double[] f1) {

    public static Evaluation of(int[] truth, int[] predicted, int labelCount) {
        int[] tp = new int[labelCount];
        int[] actual = new int[labelCount];
        int[] guessed = new int[labelCount];
        int correct = 0;
        for (int i = 0; i < truth.length; i++) {
            actual[truth[i]]++;
            if (predicted[i] >= 0) {
                guessed[predicted[i]]++;
            }
            if (truth[i] == predicted[i]) {
                tp[truth[i]]++;
                correct++;
            }
        }
        double[] recall = new double[labelCount];
        double[] f1 = new double[labelCount];
        double sum = 0;
        int present = 0;
        for (int l = 0; l < labelCount; l++) {
            if (actual[l] == 0 && guessed[l] == 0) {
                continue; // a label absent from both sides says nothing about this set
            }
            recall[l] = actual[l] == 0 ? 0 : (double) tp[l] / actual[l];
            double precision = guessed[l] == 0 ? 0 : (double) tp[l] / guessed[l];
            f1[l] = precision + recall[l] == 0 ? 0 : 2 * precision * recall[l] / (precision + recall[l]);
            sum += f1[l];
            present++;
        }
        double accuracy = truth.length == 0 ? 0 : (double) correct / truth.length;
        return new Evaluation(accuracy, present == 0 ? 0 : sum / present, recall, f1);
    }
}
