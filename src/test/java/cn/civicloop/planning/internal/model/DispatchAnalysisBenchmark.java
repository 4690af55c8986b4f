package cn.civicloop.planning.internal.model;

import java.util.List;
import java.util.Locale;

import cn.civicloop.planning.internal.model.PlanHypercube.IdlePosition;
import cn.civicloop.planning.internal.model.PlanHypercube.Preference;

import cn.civicloop.planning.DispatchPolicy;

/**
 * "Does block patrol beat waiting at the station?" — prints the hypercube figures for the demo district's 8-block
 * plan and the simulator table for both call streams and both policies. Not a test: figures, not assertions.
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=cn.civicloop.planning.internal.model.DispatchAnalysisBenchmark
 * </pre>
 * All assumptions are the constants below; none was tuned toward the 60 % target.
 */
public final class DispatchAnalysisBenchmark {

    /** Emergency driving: straight line × 1.3 ÷ 30 km/h (the research note's §2.3 uses 25 km/h; see sensitivity). */
    static final StraightLineTravel EMERGENCY = new StraightLineTravel(1.3, 30);
    /** Same desk for both: 60 s from call to order (NFPA 1225: 90 % within 60 s). */
    static final double PROCESSING = 60;
    /** At the station the crew must reach and start the car: 60 s (NFPA 1710 EMS turnout, 90th percentile). */
    static final PolicySettings STATION = new PolicySettings(DispatchPolicy.STATION, PROCESSING, 60, 25);
    /** On patrol the crew is in the car: acknowledge on the terminal and turn, 15 s. Patrol at 15 km/h. */
    static final PolicySettings PATROL = new PolicySettings(DispatchPolicy.PATROL, PROCESSING, 15, 15);
    static final long SEED = 20261125L;
    static final double CELL_KM = 0.25;

    private DispatchAnalysisBenchmark() {
    }

    public static void main(String[] args) {
        Locale.setDefault(Locale.ROOT);
        System.out.printf("machine: %d cores, load average %s%n", Runtime.getRuntime().availableProcessors(),
                loadAverage());
        DemoDistrict district = DemoDistrict.load();
        BlockPlan demoPlan = district.blocks(CELL_KM, 4, 2);
        hypercube(district, demoPlan);
        simulations(district, demoPlan);
    }

    // ---------------------------------------------------------------- hypercube

    private static void hypercube(DemoDistrict district, BlockPlan plan) {
        System.out.println();
        System.out.println("== Hypercube (Larson), demo district: 8 blocks = 4 x 2 rectangles over the six urban streets ==");
        System.out.println("Unlimited FCFS queue; travel in minutes (straight line x 1.3 / 30 km/h); atoms = 250 m cells with calls;");
        System.out.println("1/mu = mean busy time per call (turnout + travel + on scene) measured in the STATION simulation.");
        for (int b = 0; b < plan.size(); b++) {
            System.out.printf("  %s  %5.1f km2  station (%.2f, %.2f) km%n", plan.name(b), plan.areaKm2(b),
                    plan.station(b).x(), plan.station(b).y());
        }

        // N = 8: one unit per block; demand 3 calls/h so each unit carries what it carries with 4 units at 12/h.
        List<Call> light = district.generateCalls(plan, 3, 24 * 56, SEED);
        Deployment one = Deployment.uniform(plan, 1);
        double service8 = serviceMinutes(one, light);
        System.out.printf("%nN = 8 (1 unit per block), 3 calls/h, 1/mu = %.1f min: exact (2^8 states) vs approximation%n",
                service8);
        comparePreferences(one, light, service8, true);

        List<Call> calls = district.generateCalls(plan, 12, 24 * 14, SEED);
        Deployment four = Deployment.uniform(plan, 4);
        double service32 = serviceMinutes(four, calls);
        System.out.printf("%nN = 32 (4 units per block), 12 calls/h, 1/mu = %.1f min: approximation%n", service32);
        comparePreferences(four, calls, service32, false);

        Hypercube big = PlanHypercube.build(four, calls, EMERGENCY, service32, IdlePosition.STATION, Preference.CLOSEST);
        HypercubeApproximation.solve(big); // warm-up
        int runs = 20;
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            HypercubeApproximation.solve(big);
        }
        double ms = (System.nanoTime() - start) / 1e6 / runs;
        System.out.printf("approximation, N = 32 units, %d atoms: %.2f ms per solve (mean of %d)%n", big.atoms(), ms, runs);

        Deployment two = Deployment.uniform(plan, 2);
        List<Call> medium = district.generateCalls(plan, 6, 24 * 28, SEED);
        double service16 = serviceMinutes(two, medium);
        Hypercube sixteen = PlanHypercube.build(two, medium, EMERGENCY, service16, IdlePosition.STATION,
                Preference.OWN_BLOCK_FIRST);
        start = System.nanoTime();
        HypercubeResult exact16 = HypercubeExact.solve(sixteen);
        double exactMs = (System.nanoTime() - start) / 1e6;
        HypercubeResult approx16 = HypercubeApproximation.solve(sixteen);
        double maxDiff = 0;
        for (int n = 0; n < 16; n++) {
            maxDiff = Math.max(maxDiff, Math.abs(exact16.workload(n) - approx16.workload(n)));
        }
        System.out.printf("exact, N = 16 (2 per block, 6 calls/h, own block first), %d atoms: %.0f ms; "
                + "max |rho exact - rho approx| = %.4f; mean travel %.2f vs %.2f min; cross-block %.3f vs %.3f%n",
                sixteen.atoms(), exactMs, maxDiff, exact16.meanTravel(), approx16.meanTravel(),
                exact16.crossDistrictFraction(), approx16.crossDistrictFraction());
    }

    private static void comparePreferences(Deployment deployment, List<Call> calls, double serviceMinutes,
            boolean withExact) {
        BlockPlan plan = deployment.plan();
        Hypercube zone = PlanHypercube.build(deployment, calls, EMERGENCY, serviceMinutes, IdlePosition.STATION,
                Preference.OWN_BLOCK_FIRST);
        Hypercube closest = PlanHypercube.build(deployment, calls, EMERGENCY, serviceMinutes, IdlePosition.STATION,
                Preference.CLOSEST);
        Hypercube patrol = PlanHypercube.build(deployment, calls, EMERGENCY, serviceMinutes, IdlePosition.PATROL_AREA,
                Preference.CLOSEST);
        HypercubeResult zoneA = HypercubeApproximation.solve(zone);
        HypercubeResult closestA = HypercubeApproximation.solve(closest);
        HypercubeResult patrolA = HypercubeApproximation.solve(patrol);
        HypercubeResult zoneE = withExact ? HypercubeExact.solve(zone) : null;
        HypercubeResult closestE = withExact ? HypercubeExact.solve(closest) : null;
        HypercubeResult patrolE = withExact ? HypercubeExact.solve(patrol) : null;
        System.out.println("  policy: Z = own block first, station; C = closest unit, station; "
                + "P = closest by mean travel, idle units spread over their block (patrol)");
        System.out.println(withExact
                ? "  block   | rho Z ex/ap   | rho C ex/ap   | rho P ex/ap   | T Z ex/ap   | T C ex/ap   | T P ex/ap   | cross Z ex/ap | cross C ex/ap | cross P ex/ap"
                : "  block   | rho Z | rho C | rho P | T Z  | T C  | T P  | cross Z | cross C | cross P");
        for (int b = 0; b < plan.size(); b++) {
            if (withExact) {
                System.out.printf("  %-7s | %.3f / %.3f | %.3f / %.3f | %.3f / %.3f | %4.2f / %4.2f | %4.2f / %4.2f | %4.2f / %4.2f |"
                        + " %.3f / %.3f | %.3f / %.3f | %.3f / %.3f%n", plan.name(b),
                        zoneE.meanWorkloadOfDistrict(b), zoneA.meanWorkloadOfDistrict(b),
                        closestE.meanWorkloadOfDistrict(b), closestA.meanWorkloadOfDistrict(b),
                        patrolE.meanWorkloadOfDistrict(b), patrolA.meanWorkloadOfDistrict(b),
                        zoneE.meanTravelToDistrict(b), zoneA.meanTravelToDistrict(b),
                        closestE.meanTravelToDistrict(b), closestA.meanTravelToDistrict(b),
                        patrolE.meanTravelToDistrict(b), patrolA.meanTravelToDistrict(b),
                        zoneE.crossDistrictFractionOf(b), zoneA.crossDistrictFractionOf(b),
                        closestE.crossDistrictFractionOf(b), closestA.crossDistrictFractionOf(b),
                        patrolE.crossDistrictFractionOf(b), patrolA.crossDistrictFractionOf(b));
            } else {
                System.out.printf("  %-7s | %.3f | %.3f | %.3f | %4.2f | %4.2f | %4.2f | %.3f   | %.3f   | %.3f%n",
                        plan.name(b), zoneA.meanWorkloadOfDistrict(b), closestA.meanWorkloadOfDistrict(b),
                        patrolA.meanWorkloadOfDistrict(b), zoneA.meanTravelToDistrict(b),
                        closestA.meanTravelToDistrict(b), patrolA.meanTravelToDistrict(b),
                        zoneA.crossDistrictFractionOf(b), closestA.crossDistrictFractionOf(b),
                        patrolA.crossDistrictFractionOf(b));
            }
        }
        if (withExact) {
            System.out.printf("  all     | P'Q %.4f / %.4f | T Z %.2f / %.2f  T C %.2f / %.2f  T P %.2f / %.2f min"
                    + " | cross Z %.3f / %.3f  C %.3f / %.3f  P %.3f / %.3f%n",
                    zoneE.allBusy(), zoneA.allBusy(), zoneE.meanTravel(), zoneA.meanTravel(), closestE.meanTravel(),
                    closestA.meanTravel(), patrolE.meanTravel(), patrolA.meanTravel(), zoneE.crossDistrictFraction(),
                    zoneA.crossDistrictFraction(), closestE.crossDistrictFraction(), closestA.crossDistrictFraction(),
                    patrolE.crossDistrictFraction(), patrolA.crossDistrictFraction());
        } else {
            System.out.printf("  all     | P'Q %.4f | T Z %.2f  T C %.2f  T P %.2f min | cross Z %.3f  C %.3f  P %.3f%n",
                    zoneA.allBusy(), zoneA.meanTravel(), closestA.meanTravel(), patrolA.meanTravel(),
                    zoneA.crossDistrictFraction(), closestA.crossDistrictFraction(), patrolA.crossDistrictFraction());
        }
    }

    /** Mean order → clear time per call in the STATION simulation: the hypercube's 1/μ. */
    private static double serviceMinutes(Deployment deployment, List<Call> calls) {
        SimulationReport r = new DispatchSimulator(deployment, EMERGENCY, STATION, SEED).run(calls);
        return r.responses().stream().mapToDouble(x -> x.clearedAt() - x.dispatchedAt()).average().orElseThrow() / 60;
    }

    // ---------------------------------------------------------------- simulator

    private static void simulations(DemoDistrict district, BlockPlan demoPlan) {
        System.out.println();
        System.out.println("== Simulator: same call stream, both policies ==");
        System.out.printf("emergency travel: straight line x %.1f / %.0f km/h; processing %.0f s (both); turnout STATION %.0f s,"
                + " PATROL %.0f s; return to station %.0f km/h; patrol %.0f km/h (random waypoints in the block)%n",
                EMERGENCY.detourFactor(), EMERGENCY.speedKmh(), PROCESSING, STATION.turnoutSeconds(),
                PATROL.turnoutSeconds(), STATION.cruiseSpeedKmh(), PATROL.cruiseSpeedKmh());
        header();

        List<SfFireCalls.UnitResponse> rows = SfFireCalls.read(SfFireCalls.DEFAULT_FILE);
        List<Call> sf = SfFireCalls.incidents(rows, SfFireCalls.centredOn(rows));
        BlockPlan sfPlan = BlockPlan.byDemand(sf.stream().map(Call::where).toList(), 8, CELL_KM, SEED, "SF-");
        double hours = (sf.get(sf.size() - 1).receivedAt() - sf.get(0).receivedAt()) / 3600;
        double onScene = sf.stream().mapToDouble(Call::onSceneSeconds).average().orElseThrow() / 3600;
        int sfUnits = (int) Math.ceil(sf.size() / hours * onScene / 0.25);
        Deployment sfDeployment = Deployment.proportional(sfPlan, sf, sfUnits);
        double sfArea = 0;
        for (int b = 0; b < sfPlan.size(); b++) {
            sfArea += sfPlan.areaKm2(b);
        }
        String sfLabel = String.format("SF %d incidents, %.1f/h, 8 k-means blocks %.0f km2, %d units %s", sf.size(),
                sf.size() / hours, sfArea, sfUnits, java.util.Arrays.toString(sfDeployment.unitsPerBlock()));
        double sfRatio = compare("SF real", sf, sfDeployment, SEED);

        List<Call> demo = district.generateCalls(demoPlan, 12, 24 * 14, SEED);
        Deployment demoDeployment = Deployment.uniform(demoPlan, 4);
        double demoArea = 0;
        for (int b = 0; b < demoPlan.size(); b++) {
            demoArea += demoPlan.areaKm2(b);
        }
        String demoLabel = String.format("demo %d calls over 14 days, 12/h, 8 blocks %.0f km2, 4 units each",
                demo.size(), demoArea);
        double demoRatio = compare("demo", demo, demoDeployment, SEED);
        System.out.println("  SF:   " + sfLabel + "; units = ceil(calls/h x mean on-scene h / 0.25), shared by demand");
        System.out.println("  demo: " + demoLabel);
        System.out.printf("ratio patrol median / station median (issue target <= 0.60): SF %.2f, demo %.2f%n",
                sfRatio, demoRatio);

        System.out.println();
        System.out.println("== Sensitivity (demo stream unless stated; one assumption changed at a time) ==");
        System.out.println("  case                                          | station median | patrol median | ratio | ratio order->scene");
        sensitivity("as above", demo, demoDeployment, EMERGENCY, STATION, PATROL, SEED);
        for (long seed = SEED + 1; seed <= SEED + 3; seed++) {
            sensitivity("patrol routes with seed " + seed, demo, demoDeployment, EMERGENCY, STATION, PATROL, seed);
        }
        List<Call> busy = district.generateCalls(demoPlan, 24, 24 * 14, SEED);
        sensitivity("twice the load (24 calls/h)", busy, demoDeployment, EMERGENCY, STATION, PATROL, SEED);
        sensitivity("2 units per block", demo, Deployment.uniform(demoPlan, 2), EMERGENCY, STATION, PATROL, SEED);
        sensitivity("emergency speed 25 km/h", demo, demoDeployment, new StraightLineTravel(1.3, 25), STATION, PATROL, SEED);
        sensitivity("emergency speed 40 km/h", demo, demoDeployment, new StraightLineTravel(1.3, 40), STATION, PATROL, SEED);
        sensitivity("processing 0 s (both)", demo, demoDeployment, EMERGENCY, with(STATION, 0, STATION.turnoutSeconds()),
                with(PATROL, 0, PATROL.turnoutSeconds()), SEED);
        sensitivity("processing 120 s (both)", demo, demoDeployment, EMERGENCY,
                with(STATION, 120, STATION.turnoutSeconds()), with(PATROL, 120, PATROL.turnoutSeconds()), SEED);
        sensitivity("same turnout 60 s (position effect only)", demo, demoDeployment, EMERGENCY, STATION,
                with(PATROL, PROCESSING, 60), SEED);
        sensitivity("SF, same turnout 60 s", sf, sfDeployment, EMERGENCY, STATION, with(PATROL, PROCESSING, 60), SEED);
    }

    private static PolicySettings with(PolicySettings s, double processing, double turnout) {
        return new PolicySettings(s.policy(), processing, turnout, s.cruiseSpeedKmh());
    }

    private static void header() {
        System.out.println("  stream  | policy  | calls | response median / mean / p90 min | travel median / mean / p90 min"
                + " | busy mean / max | cross-block | queued | P1 median");
    }

    private static double compare(String label, List<Call> calls, Deployment deployment, long seed) {
        SimulationReport station = new DispatchSimulator(deployment, EMERGENCY, STATION, seed).run(calls);
        SimulationReport patrol = new DispatchSimulator(deployment, EMERGENCY, PATROL, seed).run(calls);
        for (SimulationReport r : List.of(station, patrol)) {
            Summary resp = r.responseMinutes();
            Summary travel = r.travelMinutes();
            System.out.printf("  %-7s | %-7s | %5d | %6.2f / %6.2f / %6.2f            | %5.2f / %5.2f / %5.2f"
                    + "             | %.3f / %.3f   | %.3f       | %-6d | %.2f%n", label, r.policy(), resp.count(),
                    resp.median(), resp.mean(), resp.p90(), travel.median(), travel.mean(), travel.p90(),
                    r.meanWorkload(), r.maxWorkload(), r.crossBlockFraction(), r.queuedCalls(),
                    r.responseMinutes(1).median());
        }
        return patrol.responseMinutes().median() / station.responseMinutes().median();
    }

    private static void sensitivity(String label, List<Call> calls, Deployment deployment, StraightLineTravel travel,
            PolicySettings station, PolicySettings patrol, long seed) {
        SimulationReport s = new DispatchSimulator(deployment, travel, station, seed).run(calls);
        SimulationReport p = new DispatchSimulator(deployment, travel, patrol, seed).run(calls);
        double sm = s.responseMinutes().median();
        double pm = p.responseMinutes().median();
        double so = sm - station.processingSeconds() / 60;
        double po = pm - patrol.processingSeconds() / 60;
        System.out.printf("  %-45s | %6.2f min     | %6.2f min    | %.2f  | %.2f%n", label, sm, pm, pm / sm, po / so);
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException | RuntimeException e) {
            return "n/a";
        }
    }
}
