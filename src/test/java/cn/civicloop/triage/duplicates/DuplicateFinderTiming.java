package cn.civicloop.triage.duplicates;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Prints how long checking one appeal against 10,000 recent ones takes. A program rather than a test, because a
 * timed assertion fails on a busy build machine for reasons that have nothing to do with the code.
 * The generated window is deliberately unfavourable: all 10,000 appeals lie within 72 h and within about 1 km,
 * so most pass the place and time gates and reach the text comparison.
 */
public final class DuplicateFinderTiming {

    private static final String[] ROADS = {"广济路", "解放路", "延安路", "中山北路", "凤起路", "体育场路", "庆春路", "环城西路"};
    private static final String[] PROBLEMS = {"路灯不亮好几天了", "井盖缺失行人容易踩空", "垃圾桶满了没人清运", "夜间施工噪音扰民",
        "共享单车乱停堵住盲道", "下水道堵塞污水外溢", "树枝折断挡住人行道", "小区门口占道经营", "红绿灯故障车辆拥堵"};
    private static final Instant NOW = Instant.parse("2024-03-04T12:00:00Z");

    public static void main(String[] args) {
        Random random = new Random(42);
        List<AppealText> recent = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            recent.add(appeal("A-" + i, random));
        }
        AppealText probe = new AppealText("NEW", "广济路路灯坏了", "广济路路灯晚上全黑，已经三天，请尽快维修",
                30.2741, 120.1551, "330102001001", "330102001", NOW);

        DuplicateFinder finder = new DuplicateFinder();
        long start = System.nanoTime();
        List<Signature> signatures = recent.stream().map(finder::signature).toList();
        System.out.printf("signing 10,000 appeals once: %.1f ms%n", (System.nanoTime() - start) / 1e6);

        Signature self = finder.signature(probe);
        time("precomputed signatures", 200, () -> finder.candidates(self, signatures).size());
        time("AppealText, signed anew each call", 20, () -> finder.candidates(probe, recent).size());
    }

    private static void time(String label, int rounds, java.util.function.IntSupplier check) {
        int matches = 0;
        for (int i = 0; i < 50; i++) { // let the JIT compile the hot loops first
            matches = check.getAsInt();
        }
        // thread CPU time as well as wall time: on a shared machine the wall time counts other processes' turns
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long[] nanos = new long[rounds];
        long[] cpu = new long[nanos.length];
        for (int i = 0; i < nanos.length; i++) {
            long startCpu = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            check.getAsInt();
            nanos[i] = System.nanoTime() - start;
            cpu[i] = threads.getCurrentThreadCpuTime() - startCpu;
        }
        java.util.Arrays.sort(nanos);
        java.util.Arrays.sort(cpu);
        System.out.printf("%s: median %.2f ms, worst %.2f ms, CPU median %.2f ms, %d matches%n",
                label, nanos[nanos.length / 2] / 1e6, nanos[nanos.length - 1] / 1e6, cpu[cpu.length / 2] / 1e6,
                matches);
    }

    private static AppealText appeal(String id, Random random) {
        String road = ROADS[random.nextInt(ROADS.length)];
        String problem = PROBLEMS[random.nextInt(PROBLEMS.length)];
        return new AppealText(id, road + problem.substring(0, 4), "市民来电反映：" + road + "附近" + problem + "，请尽快处理。",
                30.2741 + (random.nextDouble() - 0.5) * 0.01, 120.1551 + (random.nextDouble() - 0.5) * 0.01,
                "330102001001", "330102001", NOW.minus(Duration.ofMinutes(random.nextInt(72 * 60))));
    }
}
