package cn.civicloop.classifier.model;

/** The block letter of each vocabulary column (index = column), for {@code RoutingSweep}'s block-wise settings. */
public final class VocabularyBlocks {

    private VocabularyBlocks() {
    }

    public static char[] of(Vocabulary vocabulary) {
        String[] terms = vocabulary.terms();
        char[] blocks = new char[terms.length + 1];
        for (int i = 0; i < terms.length; i++) {
            blocks[i + 1] = terms[i].charAt(0);
        }
        return blocks;
    }
}
