package cn.civicloop.planning.internal.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.concurrent.CancellationException;

import cn.civicloop.planning.DispatchPolicy;

/**
 * Replays a call stream against a deployment in virtual time (discrete events, nothing sleeps) under one policy.
 * <p>
 * Timeline of a call: received → (processing delay) → the dispatcher picks a free unit, or the call waits in one
 * first-come-first-served queue until a unit clears → (turnout delay) → the unit drives straight to the scene at
 * emergency speed (straight line × detour ÷ speed) → it stays on scene for the call's time → it clears and either
 * takes the oldest waiting call from where it stands or goes idle. Idle means, by policy: drive back to the station
 * at cruise speed (STATION; a unit on its way back can be sent from where it is), or patrol its block from where it
 * stands (PATROL). Response time = received → on scene. Everything random (patrol waypoints) comes from the seed.
 * <p>
 * With a reserve (the 110 desk's rule, {@code civicloop.dispatch.reserve-per-block}) a call below priority 1 may only
 * take a unit of a block that keeps more than the reserve free; it waits otherwise. When a unit clears, the oldest
 * waiting calls some free unit may now take are given, one by one, to the unit chosen as for a new call. Without a
 * reserve (0, the default) the model is the plain FCFS one above.
 * A run checks its thread's interrupt flag at the start and every 1,024 events, so a caller can stop a long run.
 */
public final class DispatchSimulator {

    private final Deployment deployment;
    private final StraightLineTravel emergency;
    private final PolicySettings settings;
    private final long seed;
    private final int reservePerBlock;
    private int[] freeInBlock;

    public DispatchSimulator(Deployment deployment, StraightLineTravel emergency, PolicySettings settings, long seed) {
        this(deployment, emergency, settings, seed, 0);
    }

    /** @param reservePerBlock free units a block keeps for priority-1 calls (0: none) */
    public DispatchSimulator(Deployment deployment, StraightLineTravel emergency, PolicySettings settings, long seed,
            int reservePerBlock) {
        if (reservePerBlock < 0) {
            throw new IllegalArgumentException("the reserve must not be negative");
        }
        if (reservePerBlock > 0 && java.util.Arrays.stream(deployment.unitsPerBlock()).allMatch(n -> n <= reservePerBlock)) {
            throw new IllegalArgumentException("with a reserve of " + reservePerBlock
                    + " per block no block has a unit left for calls below priority 1");
        }
        this.deployment = deployment;
        this.emergency = emergency;
        this.settings = settings;
        this.seed = seed;
        this.reservePerBlock = reservePerBlock;
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

        freeInBlock = deployment.unitsPerBlock();
        PriorityQueue<Event> events = new PriorityQueue<>();
        long sequence = 0;
        for (int i = 0; i < calls.size(); i++) {
            events.add(new Event(calls.get(i).receivedAt() + settings.processingSeconds(), Event.DISPATCH, sequence++, i));
        }
        // without a reserve every waiting call; with one, the calls below priority 1 (priority 1 waits apart)
        Deque<Integer> waiting = new ArrayDeque<>();
        Deque<Integer> waitingUrgent = new ArrayDeque<>();
        SimulationReport.Response[] responses = new SimulationReport.Response[calls.size()];
        double[] busySeconds = new double[units.size()];
        double end = start;
        long handled = 0;
        while (!events.isEmpty()) {
            if ((handled++ & 0x3FF) == 0 && Thread.currentThread().isInterrupted()) {
                throw new CancellationException("simulation stopped after " + handled + " events");
            }
            Event e = events.poll();
            double now = e.time();
            if (e.kind() == Event.DISPATCH) {
                Call call = calls.get(e.ref());
                FieldUnit unit = choose(units, call, now);
                if (unit == null) {
                    (reservePerBlock > 0 && call.priority() == 1 ? waitingUrgent : waiting).addLast(e.ref());
                    continue;
                }
                SimulationReport.Response r = assign(unit, e.ref(), call, now, unit.positionAt(now), false);
                responses[e.ref()] = r;
                events.add(new Event(r.clearedAt(), Event.CLEAR, sequence++, unit.index));
                busySeconds[unit.index] += r.clearedAt() - now;
            } else {
                FieldUnit unit = units.get(e.ref());
                unit.busy = false;
                freeInBlock[unit.block]++;
                end = Math.max(end, now);
                if (reservePerBlock > 0) {
                    unit.freeSince = now;
                    unit.goIdle(now, unit.scene);
                    for (SimulationReport.Response r : serveWaiting(units, calls, waitingUrgent, waiting, now)) {
                        responses[r.call()] = r;
                        events.add(new Event(r.clearedAt(), Event.CLEAR, sequence++, r.unit()));
                        busySeconds[r.unit()] += r.clearedAt() - now;
                    }
                } else if (!waiting.isEmpty()) {
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

    /**
     * With a reserve: serves the oldest waiting calls that a free unit may take, one at a time. Whether any unit may
     * take a call depends only on its class (priority 1: any free unit; below: a block with more free than the
     * reserve), so only the head of each class's queue needs looking at.
     */
    private List<SimulationReport.Response> serveWaiting(List<FieldUnit> units, List<Call> calls,
            Deque<Integer> urgent, Deque<Integer> other, double now) {
        List<SimulationReport.Response> served = new ArrayList<>();
        while (true) {
            boolean anyFree = false;
            boolean otherMay = false;
            for (int free : freeInBlock) {
                anyFree |= free > 0;
                otherMay |= free > reservePerBlock;
            }
            Deque<Integer> from = anyFree && !urgent.isEmpty() ? urgent : null;
            if (otherMay && !other.isEmpty() && (from == null || other.peekFirst() < urgent.peekFirst())) {
                from = other;
            }
            if (from == null) {
                return served;
            }
            int next = from.pollFirst();
            FieldUnit chosen = choose(units, calls.get(next), now);
            served.add(assign(chosen, next, calls.get(next), now, chosen.positionAt(now), true));
        }
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

    /** Below priority 1 a unit may go only when its block keeps more than the reserve free. */
    private boolean mayTake(FieldUnit unit, Call call) {
        return reservePerBlock == 0 || call.priority() == 1 || freeInBlock[unit.block] > reservePerBlock;
    }

    /**
     * The free unit with the shortest ETA, optionally only from one block. Equal ETAs (crews waiting at the same
     * station) go to the crew idle longest, as a duty officer rotates them; then to the lower unit number.
     */
    private FieldUnit nearestFree(List<FieldUnit> units, Call call, double now, int onlyBlock) {
        FieldUnit best = null;
        double bestSeconds = Double.POSITIVE_INFINITY;
        for (FieldUnit u : units) {
            if (u.busy || (onlyBlock >= 0 && u.block != onlyBlock) || !mayTake(u, call)) {
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
        freeInBlock[unit.block]--;
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
