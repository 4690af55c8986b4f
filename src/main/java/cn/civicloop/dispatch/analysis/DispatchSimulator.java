package cn.civicloop.dispatch.analysis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * Replays a call stream against a deployment in virtual time (discrete events, nothing sleeps) under one policy.
 * <p>
 * Timeline of a call: received → (processing delay) → the dispatcher picks a free unit, or the call waits in one
 * first-come-first-served queue until a unit clears → (turnout delay) → the unit drives straight to the scene at
 * emergency speed (straight line × detour ÷ speed) → it stays on scene for the call's time → it clears and either
 * takes the oldest waiting call from where it stands or goes idle. Idle means, by policy: drive back to the station
 * at cruise speed (STATION; a unit on its way back can be sent from where it is), or patrol its block from where it
 * stands (PATROL). Response time = received → on scene. Everything random (patrol waypoints) comes from the seed.
 */
public final class DispatchSimulator {

    private final Deployment deployment;
    private final StraightLineTravel emergency;
    private final PolicySettings settings;
    private final long seed;

    public DispatchSimulator(Deployment deployment, StraightLineTravel emergency, PolicySettings settings, long seed) {
        this.deployment = deployment;
        this.emergency = emergency;
        this.settings = settings;
        this.seed = seed;
    }

    public SimulationReport run(List<Call> stream) {
        if (deployment.unitCount() == 0) {
            throw new IllegalArgumentException("the deployment has no unit");
        }
        List<Call> calls = stream.stream().sorted(Comparator.comparingDouble(Call::receivedAt)).toList();
        BlockPlan plan = deployment.plan();
        StraightLineTravel cruise = new StraightLineTravel(emergency.detourFactor(), settings.cruiseSpeedKmh());
        double start = calls.isEmpty() ? 0 : calls.get(0).receivedAt();
        List<FieldUnit> units = new ArrayList<>();
        List<Integer> blocks = deployment.unitBlocks();
        for (int n = 0; n < blocks.size(); n++) {
            units.add(new FieldUnit(n, blocks.get(n), new Random(seed * 1_000_003L + n), plan, cruise,
                    settings.policy(), start));
        }

        PriorityQueue<Event> events = new PriorityQueue<>();
        long sequence = 0;
        for (int i = 0; i < calls.size(); i++) {
            events.add(new Event(calls.get(i).receivedAt() + settings.processingSeconds(), Event.DISPATCH, sequence++, i));
        }
        Deque<Integer> waiting = new ArrayDeque<>();
        SimulationReport.Response[] responses = new SimulationReport.Response[calls.size()];
        double[] busySeconds = new double[units.size()];
        double end = start;
        while (!events.isEmpty()) {
            Event e = events.poll();
            double now = e.time();
            if (e.kind() == Event.DISPATCH) {
                Call call = calls.get(e.ref());
                FieldUnit unit = choose(units, call, now);
                if (unit == null) {
                    waiting.addLast(e.ref());
                    continue;
                }
                SimulationReport.Response r = assign(unit, e.ref(), call, now, unit.positionAt(now), false);
                responses[e.ref()] = r;
                events.add(new Event(r.clearedAt(), Event.CLEAR, sequence++, unit.index));
                busySeconds[unit.index] += r.clearedAt() - now;
            } else {
                FieldUnit unit = units.get(e.ref());
                unit.busy = false;
                end = Math.max(end, now);
                if (!waiting.isEmpty()) {
                    int next = waiting.pollFirst();
                    SimulationReport.Response r = assign(unit, next, calls.get(next), now, unit.scene, true);
                    responses[next] = r;
                    events.add(new Event(r.clearedAt(), Event.CLEAR, sequence++, unit.index));
                    busySeconds[unit.index] += r.clearedAt() - now;
                } else {
                    unit.freeSince = now;
                    unit.goIdle(now, unit.scene);
                }
            }
        }
        int[] unitBlock = blocks.stream().mapToInt(Integer::intValue).toArray();
        return new SimulationReport(settings.policy(), calls, List.of(responses), busySeconds, unitBlock,
                Math.max(end - start, 1e-9), plan.size());
    }

    private FieldUnit choose(List<FieldUnit> units, Call call, double now) {
        if (settings.policy() == DispatchPolicy.STATION) {
            int block = deployment.plan().blockOf(call.where());
            FieldUnit own = nearestFree(units, call, now, block);
            if (own != null) {
                return own;
            }
        }
        return nearestFree(units, call, now, -1);
    }

    /**
     * The free unit with the shortest ETA, optionally only from one block. Equal ETAs (crews waiting at the same
     * station) go to the crew idle longest, as a duty officer rotates them; then to the lower unit number.
     */
    private FieldUnit nearestFree(List<FieldUnit> units, Call call, double now, int onlyBlock) {
        FieldUnit best = null;
        double bestSeconds = Double.POSITIVE_INFINITY;
        for (FieldUnit u : units) {
            if (u.busy || (onlyBlock >= 0 && u.block != onlyBlock)) {
                continue;
            }
            double seconds = emergency.seconds(u.positionAt(now), call.where());
            boolean tie = best != null && Math.abs(seconds - bestSeconds) < 1e-9;
            if (tie ? u.freeSince < best.freeSince : seconds < bestSeconds) {
                best = u;
                bestSeconds = Math.min(seconds, bestSeconds);
            }
        }
        return best;
    }

    private SimulationReport.Response assign(FieldUnit unit, int callIndex, Call call, double now, PlanePoint from,
            boolean queued) {
        double travel = emergency.seconds(from, call.where());
        double arrived = now + settings.turnoutSeconds() + travel;
        unit.busy = true;
        unit.scene = call.where();
        int callBlock = deployment.plan().blockOf(call.where());
        return new SimulationReport.Response(callIndex, unit.index, unit.block, callBlock, queued, now, travel,
                arrived, arrived + call.onSceneSeconds());
    }

    private record Event(double time, int kind, long sequence, int ref) implements Comparable<Event> {
        static final int CLEAR = 0;
        static final int DISPATCH = 1;

        @Override
        public int compareTo(Event o) {
            // A unit clearing at the same instant as a dispatch is free for it; then first come first served.
            int byTime = Double.compare(time, o.time);
            if (byTime != 0) {
                return byTime;
            }
            return kind != o.kind ? Integer.compare(kind, o.kind) : Long.compare(sequence, o.sequence);
        }
    }

    /** A unit's state and its idle movement: one straight leg at a time, generated lazily in time order. */
    private static final class FieldUnit {
        final int index;
        final int block;
        final Random random;
        final BlockPlan plan;
        final StraightLineTravel cruise;
        final DispatchPolicy policy;
        boolean busy;
        double freeSince;
        PlanePoint scene;
        PlanePoint legFrom;
        PlanePoint legTo;
        double legStart;
        double legEnd;

        FieldUnit(int index, int block, Random random, BlockPlan plan, StraightLineTravel cruise,
                DispatchPolicy policy, double start) {
            this.index = index;
            this.block = block;
            this.random = random;
            this.plan = plan;
            this.cruise = cruise;
            this.policy = policy;
            PlanePoint origin = policy == DispatchPolicy.STATION ? plan.station(block) : plan.randomPoint(block, random);
            freeSince = start;
            goIdle(start, origin);
        }

        void goIdle(double now, PlanePoint from) {
            legFrom = from;
            legTo = policy == DispatchPolicy.STATION ? plan.station(block) : plan.randomPoint(block, random);
            legStart = now;
            legEnd = now + cruise.seconds(legFrom, legTo);
        }

        PlanePoint positionAt(double now) {
            if (policy == DispatchPolicy.PATROL) {
                while (now >= legEnd) {
                    goIdle(legEnd, legTo);
                }
            } else if (now >= legEnd) {
                return legTo;
            }
            return legFrom.toward(legTo, (now - legStart) / (legEnd - legStart));
        }
    }
}
