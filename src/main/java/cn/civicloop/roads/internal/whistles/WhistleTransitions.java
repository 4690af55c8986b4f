package cn.civicloop.roads.internal.whistles;

import static cn.civicloop.roads.internal.whistles.WhistleAction.*;
import static cn.civicloop.roads.internal.whistles.WhistleStatus.OPEN;
import static cn.civicloop.roads.internal.whistles.WhistleStatus.RESOLVED;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import cn.civicloop.roads.internal.StatusTable;
import cn.civicloop.shared.ConflictException;
import cn.civicloop.shared.Phrase;

/**
 * The whistle's state machine as one table: for each status, the actions allowed and the status they lead to;
 * anything else is refused. While open the departments acknowledge, report on site and consult, and no department
 * may leave (事不完，人不撤); the whistle-blower resolves it once. Afterwards the departments leave and are rated; a
 * late acknowledgement or arrival is still recorded (and counts as late in the briefing).
 */
public final class WhistleTransitions {

    /** The status of a whistle just blown. */
    public static final WhistleStatus START = OPEN;

    private static final StatusTable<WhistleStatus, WhistleAction> TABLE = new StatusTable<>(WhistleStatus.class,
            WhistleAction.class);

    static {
        for (WhistleAction action : List.of(ACKNOWLEDGE, REPORT, NOTE, RATE)) {
            TABLE.allow(OPEN, action, OPEN).allow(RESOLVED, action, RESOLVED);
        }
        TABLE.allow(OPEN, RESOLVE, RESOLVED).allow(RESOLVED, RELEASE, RESOLVED);
    }

    private WhistleTransitions() {
    }

    /** The status {@code action} leads to from {@code from}, or empty if it is not allowed there. */
    public static Optional<WhistleStatus> target(WhistleStatus from, WhistleAction action) {
        return TABLE.target(from, action);
    }

    public static Set<WhistleAction> allowedIn(WhistleStatus status) {
        return TABLE.allowedIn(status);
    }

    /** The status {@code action} leads to, or 409 saying why it may not be taken now. */
    static WhistleStatus require(WhistleStatus from, WhistleAction action) {
        return target(from, action).orElseThrow(() -> new ConflictException(switch (action) {
            case RELEASE -> Phrase.of("problem.roads.no-leaving-before-resolved", "事不完，人不撤：吹哨事项办结前部门不能撤离");
            case RESOLVE -> Phrase.of("problem.roads.whistle-already-resolved", "吹哨事项已办结");
            default -> Phrase.of("problem.roads.whistle-not-now", "吹哨事项{0}，当前不能这样操作", status(from));
        }));
    }

    /** The status's label in the bundles ({@code roads.whistle.open}, {@code roads.whistle.resolved}). */
    static Phrase status(WhistleStatus s) {
        return Phrase.of("roads.whistle." + s.name().toLowerCase(Locale.ROOT),
                s == OPEN ? "进行中" : "已办结");
    }
}
