package cn.civicloop.roads.internal.whistles;

import java.util.List;
import java.util.Optional;

import cn.civicloop.directory.Actor;
import cn.civicloop.directory.Role;
import cn.civicloop.roads.internal.Chief;
import cn.civicloop.shared.ForbiddenException;
import cn.civicloop.shared.Phrase;

/**
 * Who may blow, see and act on a whistle. First- and second-level chiefs and the staff of a street office blow it.
 * District leaders (and the system) see every whistle; the whistle-blower his own; a road chief those on the roads
 * he answers for (a first-level chief those in his areas, a second-level chief those on his squad's segments and the
 * area-wide ones of his area, an inspector those on his segments); the staff of a department (or of one of its
 * units) only the whistles that name that department. The named departments acknowledge, report on site, consult
 * and leave; the whistle-blower consults, resolves and rates. {@link WhistleStore#visibleIds} is the same rule in SQL
 * for the lists.
 */
final class WhistleAccess {

    private WhistleAccess() {
    }

    static boolean mayBlow(WhistleScope s) {
        return (s.chief() != null && s.chief().level() <= 2) || (s.street() != null && departmentStaff(s.actor()));
    }

    static boolean seesAll(WhistleScope s) {
        return s.actor().has(Role.LEADER) || s.actor().has(Role.SYSTEM);
    }

    static boolean maySee(WhistleScope s, WhistleFacts w) {
        Chief c = s.chief();
        return seesAll(s) || isBlower(s.actor(), w.blowerStaffId())
                || w.named().stream().anyMatch(s.answersFor()::contains)
                || (w.areaId() != null && s.areasLed().contains(w.areaId()))
                || (c != null && c.level() == 2 && ((c.squadId() != null && c.squadId().equals(w.segmentSquadId()))
                        || (w.segmentId() == null && c.areaId() != null && c.areaId().equals(w.areaId()))))
                || (c != null && w.segmentInspectors().contains(c.id()));
    }

    /** The named department the person answers for (his department, or the one his unit belongs to), if any. */
    static Optional<Long> respondingDepartment(WhistleScope s, List<Long> named) {
        return named.stream().filter(s.answersFor()::contains).findFirst();
    }

    static long requireResponder(WhistleScope s, List<Long> named) {
        if (!departmentStaff(s.actor())) {
            throw new ForbiddenException(Phrase.of("problem.roads.named-departments-only", "只有被吹哨部门的人员可以报到"));
        }
        return respondingDepartment(s, named).orElseThrow(() ->
                new ForbiddenException(Phrase.of("problem.roads.your-department-not-named", "您的部门未被吹哨")));
    }

    static boolean isBlower(Actor actor, long blowerStaffId) {
        return actor.staffId() != null && actor.staffId() == blowerStaffId;
    }

    static void requireBlower(Actor actor, long blowerStaffId, Phrase refusal) {
        if (!isBlower(actor, blowerStaffId)) {
            throw new ForbiddenException(refusal);
        }
    }

    static void requireSee(WhistleScope s, WhistleFacts w) {
        if (!maySee(s, w)) {
            throw new ForbiddenException(Phrase.of("problem.roads.whistle-not-yours", "无权查看这次吹哨"));
        }
    }

    /** Handlers and heads of a department (or unit) answer for it. */
    static boolean departmentStaff(Actor actor) {
        return actor.departmentId() != null && (actor.has(Role.HANDLER) || actor.has(Role.DEPT_HEAD));
    }
}
