package cn.civicloop.planning.internal.model;

import java.util.ArrayList;
import java.util.List;

/** A block plan and how many units each block has on duty. Unit numbers run block by block. */
public record Deployment(BlockPlan plan, int[] unitsPerBlock) {

    public Deployment {
        if (unitsPerBlock.length != plan.size()) {
            throw new IllegalArgumentException("one unit count per block");
        }
        for (int count : unitsPerBlock) {
            if (count < 0) {
                throw new IllegalArgumentException("unit counts must not be negative");
            }
        }
        unitsPerBlock = unitsPerBlock.clone();
    }

    public static Deployment uniform(BlockPlan plan, int unitsEach) {
        int[] counts = new int[plan.size()];
        java.util.Arrays.fill(counts, unitsEach);
        return new Deployment(plan, counts);
    }

    /**
     * {@code total} units shared out in proportion to each block's calls (largest remainder), at least one each —
     * how a commander staffs blocks of unequal demand.
     */
    public static Deployment proportional(BlockPlan plan, List<Call> calls, int total) {
        if (total < plan.size()) {
            throw new IllegalArgumentException("need at least one unit per block");
        }
        double[] demand = new double[plan.size()];
        for (Call c : calls) {
            demand[plan.blockOf(c.where())]++;
        }
        int[] counts = new int[plan.size()];
        java.util.Arrays.fill(counts, 1);
        int left = total - plan.size();
        double sum = java.util.Arrays.stream(demand).sum();
        double[] remainder = new double[plan.size()];
        for (int b = 0; b < plan.size(); b++) {
            double share = left * demand[b] / sum;
            counts[b] += (int) Math.floor(share);
            remainder[b] = share - Math.floor(share);
        }
        int assigned = java.util.Arrays.stream(counts).sum();
        while (assigned < total) {
            int best = 0;
            for (int b = 1; b < plan.size(); b++) {
                if (remainder[b] > remainder[best]) {
                    best = b;
                }
            }
            counts[best]++;
            remainder[best] = -1;
            assigned++;
        }
        return new Deployment(plan, counts);
    }

    @Override
    public int[] unitsPerBlock() {
        return unitsPerBlock.clone();
    }

    public int unitCount() {
        return java.util.Arrays.stream(unitsPerBlock).sum();
    }

    /** The block of every unit, in unit order. */
    public List<Integer> unitBlocks() {
        List<Integer> blocks = new ArrayList<>();
        for (int b = 0; b < unitsPerBlock.length; b++) {
            for (int i = 0; i < unitsPerBlock[b]; i++) {
                blocks.add(b);
            }
        }
        return blocks;
    }
}
