package cn.civicloop.planning.internal.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A generated call stream over a block plan, for when the recorded history is too short to say anything: Poisson
 * arrivals at {@code perHour} for {@code hours}; 40 % of places uniform over the served cells, 60 % normal around one
 * of the hot spots (σ 0.6 km, redrawn until it falls on a served cell); 25 % priority 1; time on scene log-normal with
 * median 20 min and σ 0.8 (mean ≈ 27.5 min), close in shape to the SF first-unit on-scene times (median 16, mean
 * 30 min). Deterministic for a seed. Invented, never real calls.
 */
public final class CallGenerator {

    /** Draws of a hot-spot place that miss every served cell before the hot spot is declared off the plan. */
    private static final int MAX_REDRAWS = 10_000;

    private CallGenerator() {
    }

    public static List<Call> generate(BlockPlan plan, List<PlanePoint> hotSpots, double perHour, double hours,
            long seed) {
        if (hotSpots.isEmpty() || !(perHour > 0) || !(hours > 0)) {
            throw new IllegalArgumentException("need hot spots, a positive rate and a positive length");
        }
        Random random = new Random(seed);
        List<BlockPlan.Cell> cells = new ArrayList<>();
        for (int b = 0; b < plan.size(); b++) {
            cells.addAll(plan.cells(b));
        }
        cells.sort(BlockPlan.cellOrder());
        List<Call> calls = new ArrayList<>();
        double t = 0;
        double end = hours * 3600;
        while (true) {
            t += -Math.log(1 - random.nextDouble()) / perHour * 3600;
            if (t >= end) {
                return calls;
            }
            PlanePoint where;
            if (random.nextDouble() < 0.4) {
                BlockPlan.Cell c = cells.get(random.nextInt(cells.size()));
                where = new PlanePoint((c.ix() + random.nextDouble()) * plan.cellKm(),
                        (c.iy() + random.nextDouble()) * plan.cellKm());
            } else {
                PlanePoint spot = hotSpots.get(random.nextInt(hotSpots.size()));
                int draws = 0;
                do {
                    if (++draws > MAX_REDRAWS) {
                        throw new IllegalArgumentException("hot spot " + spot + " lies too far from every served cell");
                    }
                    where = new PlanePoint(spot.x() + 0.6 * random.nextGaussian(), spot.y() + 0.6 * random.nextGaussian());
                } while (!plan.serves(where));
            }
            int priority = random.nextDouble() < 0.25 ? 1 : 2;
            double onScene = 20 * 60 * Math.exp(0.8 * random.nextGaussian());
            calls.add(new Call(t, where, priority, onScene));
        }
    }
}
