package cn.civicloop.classifier.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Assigns rows to cross-validation folds (交叉验证分折): whole groups at a time, so duplicates never straddle a
 * fold, and stratified — groups are dealt out per label in a shuffled round robin, so each fold sees every label.
 */
public final class Folds {

    private Folds() {
    }

    /** Fold index 0 … k−1 per row; a group takes the label of its first row. */
    public static int[] assign(int[] labels, int[] groups, int k, long seed) {
        Map<Integer, List<Integer>> rowsOfGroup = new HashMap<>();
        for (int i = 0; i < groups.length; i++) {
            rowsOfGroup.computeIfAbsent(groups[i], g -> new ArrayList<>()).add(i);
        }
        Map<Integer, List<Integer>> groupsOfLabel = new java.util.TreeMap<>();
        List<Integer> groupIds = new ArrayList<>(rowsOfGroup.keySet());
        Collections.sort(groupIds);
        for (int group : groupIds) {
            groupsOfLabel.computeIfAbsent(labels[rowsOfGroup.get(group).get(0)], l -> new ArrayList<>()).add(group);
        }
        Random random = new Random(seed);
        int[] fold = new int[labels.length];
        int next = 0;
        for (List<Integer> ofLabel : groupsOfLabel.values()) {
            Collections.shuffle(ofLabel, random);
            for (int group : ofLabel) {
                for (int row : rowsOfGroup.get(group)) {
                    fold[row] = next;
                }
                next = (next + 1) % k;
            }
        }
        return fold;
    }
}
