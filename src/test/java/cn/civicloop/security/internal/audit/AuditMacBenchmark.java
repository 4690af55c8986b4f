package cn.civicloop.security.internal.audit;

import java.time.Instant;

/**
 * How fast one core signs (or re-checks) audit rows with HMAC-SM3: the CPU part of an append, of the V55.1 re-signing
 * and of {@code audit verify}. Prints rows per second for three rounds of a million typical rows.
 * <pre>
 * mvn -q -o test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=cn.civicloop.security.internal.audit.AuditMacBenchmark
 * </pre>
 */
public final class AuditMacBenchmark {

    private AuditMacBenchmark() {
    }

    public static void main(String[] args) {
        byte[] key = "benchmark-key-0123456789abcdef-0123".getBytes();
        String prev = AuditChain.GENESIS;
        Instant t = Instant.parse("2026-12-01T00:00:00Z");
        for (int round = 0; round < 3; round++) {
            long n = 1_000_000;
            long start = System.nanoTime();
            for (long i = 1; i <= n; i++) {
                prev = AuditChain.mac(key, prev, "k1", i, t, "operator", "CASE_ACTION",
                        "POST /api/v1/cases/20261201-000123/actions/ASSIGN", "OK 200",
                        "what changed: see the case timeline", "10.1.2.3");
            }
            double s = (System.nanoTime() - start) / 1e9;
            System.out.printf("round %d: %,d HMAC-SM3 rows in %.2f s = %,.0f rows/s%n", round, n, s, n / s);
        }
    }
}
