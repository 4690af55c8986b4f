package cn.civicloop.evaluation.web;

import cn.civicloop.directory.Actor;
import cn.civicloop.directory.Role;
import cn.civicloop.evaluation.SubjectKind;
import cn.civicloop.shared.ForbiddenException;
import cn.civicloop.shared.Phrase;

/** The module's finer rules: who changes, who reads what. */
final class EvaluationAccess {

    private EvaluationAccess() {
    }

    /** 考评办: indicators, weights, objections' decisions, computing and publishing. */
    static void office(Actor actor) {
        if (!actor.has(Role.EVALUATION_OFFICER)) {
            throw new ForbiddenException(Phrase.of("problem.evaluation.office-only", "仅考评办可执行此操作"));
        }
    }

    /** The evaluation office and the district leaders read everything, drafts included. */
    static boolean readsAll(Actor actor) {
        return actor.has(Role.EVALUATION_OFFICER) || actor.has(Role.LEADER);
    }

    /** Department staff: published rankings, own figures and cases, objections. */
    static boolean department(Actor actor) {
        return actor.departmentId() != null && !actor.districtWide()
                && (actor.has(Role.HANDLER) || actor.has(Role.DEPT_HEAD) || actor.has(Role.TRIAGE_OFFICER));
    }

    static void reads(Actor actor) {
        if (!readsAll(actor) && !department(actor)) {
            throw new ForbiddenException(Phrase.of("problem.evaluation.readers-only", "您无权查看考评"));
        }
    }

    /** May read the figures and cases of one subject: all for readers of everything, else only one's own. */
    static void readsSubject(Actor actor, SubjectKind kind, String key) {
        reads(actor);
        if (readsAll(actor)) {
            return;
        }
        boolean own = (kind == SubjectKind.DEPARTMENT || kind == SubjectKind.LINKAGE || kind == SubjectKind.UNIT)
                && String.valueOf(actor.departmentId()).equals(key);
        if (!own) {
            throw new ForbiddenException(Phrase.of("problem.evaluation.own-figures-only", "只能查看本单位的考评明细"));
        }
    }
}
