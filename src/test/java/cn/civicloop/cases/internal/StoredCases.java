package cn.civicloop.cases.internal;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import cn.civicloop.cases.AppealKind;
import cn.civicloop.cases.CaseStatus;
import cn.civicloop.cases.Channel;
import cn.civicloop.cases.Urgency;

/** Cases a test writes straight to their table: no event, so no triage changes them meanwhile. */
final class StoredCases {

    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 100_000));

    private StoredCases() {
    }

    /**
     * A submitted website complaint titled {@code title}, with an address and a contact to seal, given its place or
     * anything else by {@code more}, inserted; its number.
     */
    static String stored(Cases cases, String title, Consumer<Case> more) {
        Case c = new Case();
        c.number = "SZ-20261207-" + (700000 + SEQUENCE.incrementAndGet());
        c.status = CaseStatus.SUBMITTED;
        c.channel = Channel.WEBSITE;
        c.kind = AppealKind.COMPLAINT;
        c.urgency = Urgency.NORMAL;
        c.title = title;
        c.content = title + "，已经持续一周，请尽快处理。";
        c.address = "市中区广济路12号";
        c.contactName = "张三丰";
        c.contactPhone = "13812345678";
        c.createdAt = Instant.parse("2026-12-07T01:00:00Z");
        c.updatedAt = c.createdAt;
        c.dueAt = c.createdAt.plusSeconds(86_400);
        more.accept(c);
        cases.insert(c);
        return c.number;
    }
}
