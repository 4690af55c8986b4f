package cn.civicloop.planning.internal.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Turns a deployment and a call stream into a hypercube instance: atoms are the block plan's cells that have
 * calls (rate = calls in the cell ÷ stream length, per minute), units are the deployment's units (district = their
 * block), travel times in minutes from each unit's idle position to the cell centre.
 */
public final class PlanHypercube {

    /** Where a free unit is, as the hypercube sees it. */
    public enum IdlePosition {
        /** At its block's station. */
        STATION,
        /**
         * Anywhere in its block with equal probability (a patrol); travel is the mean over the block. The
         * dispatcher still ranks by these means, not by live positions: that is Larson's patrol model, not AVL.
         */
        PATROL_AREA
    }

    /** Which units a call is offered to first. */
    public enum Preference {
        /** The call's own block's units first (nearest first), then the others by travel time. */
        OWN_BLOCK_FIRST,
        /** All units by travel time. */
        CLOSEST
    }

    private static final int PATROL_SAMPLES = 64;

    private PlanHypercube() {
    }

    public static Hypercube build(Deployment deployment, List<Call> calls, StraightLineTravel travel,
            double serviceMinutes, IdlePosition idle, Preference preference) {
        BlockPlan plan = deployment.plan();
        double minutes = (calls.get(calls.size() - 1).receivedAt() - calls.get(0).receivedAt()) / 60;
        Map<BlockPlan.Cell, Integer> atomOfCell = new HashMap<>();
        List<BlockPlan.Cell> atoms = new ArrayList<>();
        List<Double> counts = new ArrayList<>();
        for (Call c : calls) {
            BlockPlan.Cell cell = BlockPlan.cellAt(c.where(), plan.cellKm());
            Integer atom = atomOfCell.get(cell);
            if (atom == null) {
                atom = atoms.size();
                atomOfCell.put(cell, atom);
                atoms.add(cell);
                counts.add(0.0);
            }
            counts.set(atom, counts.get(atom) + 1);
        }
        double[] rates = counts.stream().mapToDouble(n -> n / minutes).toArray();
        int[] atomDistrict = atoms.stream()
                .mapToInt(cell -> plan.blockOf(BlockPlan.centre(cell, plan.cellKm()))).toArray();
        List<Integer> unitBlocks = deployment.unitBlocks();
        int[] unitDistrict = unitBlocks.stream().mapToInt(Integer::intValue).toArray();
        double[][] minutesTo = new double[unitDistrict.length][atoms.size()];
        Map<Integer, double[]> byBlock = new HashMap<>();
        for (int n = 0; n < unitDistrict.length; n++) {
            int block = unitDistrict[n];
            minutesTo[n] = byBlock.computeIfAbsent(block, b -> travelFrom(plan, b, atoms, travel, idle)).clone();
        }
        double[] mu = new double[unitDistrict.length];
        java.util.Arrays.fill(mu, 1 / serviceMinutes);
        return preference == Preference.CLOSEST
                ? Hypercube.closestUnit(rates, mu, minutesTo, atomDistrict, unitDistrict, QueueCapacity.INFINITE)
                : Hypercube.ownDistrictFirst(rates, mu, minutesTo, atomDistrict, unitDistrict, QueueCapacity.INFINITE);
    }

    private static double[] travelFrom(BlockPlan plan, int block, List<BlockPlan.Cell> atoms, StraightLineTravel travel,
            IdlePosition idle) {
        List<PlanePoint> origins = new ArrayList<>();
        if (idle == IdlePosition.STATION) {
            origins.add(plan.station(block));
        } else {
            Random random = new Random(block);
            for (int s = 0; s < PATROL_SAMPLES; s++) {
                origins.add(plan.randomPoint(block, random));
            }
        }
        double[] minutes = new double[atoms.size()];
        for (int j = 0; j < atoms.size(); j++) {
            PlanePoint target = BlockPlan.centre(atoms.get(j), plan.cellKm());
            double sum = 0;
            for (PlanePoint o : origins) {
                sum += travel.seconds(o, target) / 60;
            }
            minutes[j] = sum / origins.size();
        }
        return minutes;
    }
}
