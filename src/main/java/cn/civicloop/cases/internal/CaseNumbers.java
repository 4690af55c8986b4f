package cn.civicloop.cases.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.NavigableSet;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import cn.civicloop.shared.DistrictTime;

/**
 * Human-readable case numbers: {@code SZ-20261125-000123} = district prefix, the district's calendar day and a
 * per-day counter. Each instance reserves a block of numbers from the day's counter row in a short transaction of
 * its own and hands them out from memory (ADR 0004): numbers stay unique across instances, but the counter row is
 * no longer locked for the length of every intake, which serialised all submissions (issue #8). The price: a
 * rolled-back intake and the unused rest of a block at shutdown leave gaps, and two instances interleave. An intake
 * that lost the race for its channel reference gives its number back ({@link #giveBack}), so replays leave none.
 */
@Component
class CaseNumbers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd")
            .withZone(DistrictTime.ZONE);

    private final JdbcClient jdbc;
    private final String prefix;
    private final int blockSize;
    private final TransactionTemplate ownTransaction;
    private String blockDay;
    private long nextInBlock;
    private long blockEnd;
    private final NavigableSet<String> returned = new TreeSet<>();

    CaseNumbers(JdbcClient jdbc, CasesProperties properties, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.prefix = properties.numbers().prefix();
        this.blockSize = properties.numbers().blockSize();
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * The next number for a case opened at {@code now}. Call it before the intake transaction takes a connection:
     * a refill needs one of its own, and threads waiting here must not sit on the pool's connections meanwhile.
     */
    synchronized String next(Instant now) {
        String day = DAY.format(now);
        returned.removeIf(n -> !n.startsWith(prefix + "-" + day + "-"));
        if (!returned.isEmpty()) {
            return returned.pollFirst();
        }
        if (!day.equals(blockDay) || nextInBlock > blockEnd) {
            blockEnd = ownTransaction.execute(status -> reserve(day));
            nextInBlock = blockEnd - blockSize + 1;
            blockDay = day;
        }
        return "%s-%s-%06d".formatted(prefix, day, nextInBlock++);
    }

    /**
     * Takes back a number whose intake rolled back before storing it (a concurrent submission of the same
     * reference won), so that replays racing each other do not burn numbers; the smallest is handed out next.
     */
    synchronized void giveBack(String number) {
        returned.add(number);
    }

    private long reserve(String day) {
        jdbc.sql("insert into cases_day_counter (counter_day, last_value) values (?, 0) on conflict do nothing")
                .param(day).update();
        jdbc.sql("update cases_day_counter set last_value = last_value + ? where counter_day = ?")
                .params(blockSize, day).update();
        return jdbc.sql("select last_value from cases_day_counter where counter_day = ?").param(day)
                .query(Long.class).single();
    }
}
