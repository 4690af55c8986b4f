package cn.civicloop.cases.internal;

import static cn.civicloop.cases.CaseAction.*;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.civicloop.cases.CaseCommand;
import cn.civicloop.directory.Department;
import cn.civicloop.directory.DepartmentKind;
import cn.civicloop.directory.Directory;
import cn.civicloop.shared.Phrase;
import cn.civicloop.shared.ConflictException;
import cn.civicloop.shared.InvalidInputException;

/** 派单 and its answers: assignment (一级, 二级, 改派, 终审), signing for the case, returning it and the decision on that. */
@Component
class AssignmentSteps implements ActionHandlers {

    /** The kinds of department a first-level assignment may name (the centre and units may not). */
    static final Set<DepartmentKind> FIRST_LEVEL = EnumSet.of(DepartmentKind.FUNCTIONAL, DepartmentKind.STREET,
            DepartmentKind.INSURER);

    private final Directory directory;

    AssignmentSteps(Directory directory) {
        this.directory = directory;
    }

    @Override
    public void register(Registry registry) {
        registry.on(ASSIGN, CaseCommand.Assign.class, (c, command, actor, now) -> {
                    Step step = assign(c, command.departmentId(), command.unitId(),
                            Required.optional("note", command.note(), Required.MAX_REMARK));
                    // routed by category: the case shows that category as its 分类 (an intake's own stays)
                    if (c.category == null && command.category() != null && !command.category().isBlank()) {
                        c.category = command.category().strip();
                    }
                    return step;
                })
                .on(REASSIGN, CaseCommand.Reassign.class, (c, command, actor, now) -> assign(c,
                        command.departmentId(), command.unitId(),
                        Required.text("reason", command.reason(), Required.What.REASSIGN_REASON)))
                .on(ASSIGN_UNIT, CaseCommand.AssignUnit.class, (c, command, actor, now) -> {
                    c.unitId = unitOf(c.departmentId, command.unitId());
                    c.handlerId = null;
                    return Step.naming(Required.optional("note", command.note(), Required.MAX_REMARK), c.unitId);
                })
                .on(ARBITRATE, CaseCommand.Arbitrate.class, (c, command, actor, now) -> {
                    Step step = assign(c, command.departmentId(), null,
                            Required.text("reason", command.reason(), Required.What.ARBITRATION_REASON));
                    c.arbitrated = true;
                    return step;
                })
                .on(SIGN, CaseCommand.Sign.class, (c, command, actor, now) -> {
                    c.handlerId = actor.staffId();
                    return Step.of(Required.optional("note", command.note(), Required.MAX_REMARK));
                })
                .on(RETURN, CaseCommand.Return.class, (c, command, actor, now) -> {
                    if (c.arbitrated) {
                        throw new ConflictException(
                                Phrase.of("problem.cases.a-case-decided-by-arbitration-cannot-be", "该工单已经终审派定，不能再退单"));
                    }
                    String reason = Required.text("reason", command.reason(), Required.What.RETURN_REASON);
                    c.returnCount++;
                    return Step.of(reason);
                })
                .on(DENY_RETURN, CaseCommand.DenyReturn.class, (c, command, actor, now) ->
                        Step.of(Required.text("reason", command.reason(), Required.What.DENY_RETURN_REASON)));
    }

    /**
     * 一级派单 (and 改派, 终审) goes to a handling department only: a top-level department of a kind that handles
     * cases. A unit (中队, 所, the 110 centre) receives a case only from its own department's 二级派单.
     */
    private Step assign(Case c, long departmentId, Long unitId, String remark) {
        Department department = directory.department(departmentId).filter(Department::active)
                .orElseThrow(() -> new InvalidInputException("departmentId",
                        Phrase.of("problem.cases.no-such-active-department", "承办单位不存在或已停用")));
        if (department.kind() == DepartmentKind.CENTRE) {
            throw new InvalidInputException("departmentId",
                    Phrase.of("problem.cases.cannot-assign-to-the-centre", "不能派给指挥中心自身"));
        }
        if (!FIRST_LEVEL.contains(department.kind()) || department.parentId() != null) {
            throw new InvalidInputException("departmentId", Phrase.of("problem.cases.unit-not-first-level",
                    "「{0}」是二级单位，一级派单只能派给承办部门；二级单位由所属部门二级派单", department.name()));
        }
        if (unitId != null) {
            throw new InvalidInputException("unitId",
                    Phrase.of("problem.cases.the-department-itself-hands-the-case-to", "一级派单只派给承办部门，由该部门自行二级派单"));
        }
        c.departmentId = departmentId;
        c.unitId = null;
        c.handlerId = null;
        return Step.naming(remark, departmentId);
    }

    private Long unitOf(Long departmentId, long unitId) {
        boolean inside = departmentId != null && unitId != departmentId
                && directory.department(unitId).filter(Department::active).isPresent()
                && directory.isWithin(unitId, departmentId);
        if (!inside) {
            throw new InvalidInputException("unitId",
                    Phrase.of("problem.cases.unit-is-not-part-of-the-department", "该单位不属于承办部门"));
        }
        return unitId;
    }
}
