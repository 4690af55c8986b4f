package cn.civicloop.roads.internal.issues;

import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import cn.civicloop.directory.Actor;
import cn.civicloop.directory.Role;
import cn.civicloop.roads.internal.Chief;
import cn.civicloop.shared.ForbiddenException;
import cn.civicloop.shared.Phrase;

/**
 * Who may see an issue and who may act on it. District leaders (and the system) see every issue. A road chief sees
 * the issues he reported, holds or once passed on or received, a second-level chief also those of his squad, a
 * first-level chief also those in the areas he leads. Only the chief holding an issue acts on it. Facts that cost
 * a query are asked for only when the cheaper ones did not decide.
 */
public final class IssueAccess {

    /** The list a reader gets: a chief his own (see {@link IssueStore#ofChief}), leaders the latest of all. */
    enum Listing { CHIEF, ALL }

    private IssueAccess() {
    }

    static boolean mayRead(Actor reader, Chief chief, IssueRecord issue, Supplier<List<Long>> areasLed,
            BooleanSupplier passedThrough) {
        if (reader.has(Role.SYSTEM) || reader.has(Role.LEADER)) {
            return true;
        }
        if (chief == null) {
            return false;
        }
        return chief.id() == issue.reporterId() || Objects.equals(issue.holderId(), chief.id())
                || (chief.level() == 2 && Objects.equals(chief.squadId(), issue.squadId()))
                || (chief.level() == 1 && issue.areaId() != null && areasLed.get().contains(issue.areaId()))
                || passedThrough.getAsBoolean();
    }

    static void requireRead(Actor reader, Chief chief, IssueRecord issue, Supplier<List<Long>> areasLed,
            BooleanSupplier passedThrough) {
        if (!mayRead(reader, chief, issue, areasLed, passedThrough)) {
            throw new ForbiddenException(Phrase.of("problem.roads.issue-not-yours", "无权查看该问题"));
        }
    }

    static Listing listing(Actor reader, Chief chief) {
        if (chief != null) {
            return Listing.CHIEF;
        }
        if (reader.has(Role.LEADER) || reader.has(Role.SYSTEM)) {
            return Listing.ALL;
        }
        throw new ForbiddenException(Phrase.of("problem.roads.role-may-not-see-issues", "无权查看路长问题"));
    }

    static boolean mayAct(Chief chief, IssueRecord issue) {
        return chief != null && Objects.equals(issue.holderId(), chief.id());
    }

    static void requireHolder(Chief chief, IssueRecord issue) {
        if (!mayAct(chief, issue)) {
            throw new ForbiddenException(Phrase.of("problem.roads.issue-not-with-you", "该问题不在您手上"));
        }
    }
}
