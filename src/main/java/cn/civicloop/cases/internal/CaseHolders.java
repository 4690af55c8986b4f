package cn.civicloop.cases.internal;

import java.util.Set;

/** Who holds a case: the lead department, its unit (二级), and the co-handling departments with an open task. */
public record CaseHolders(Long departmentId, Long unitId, Set<Long> coHandlers) {

    public CaseHolders {
        coHandlers = Set.copyOf(coHandlers);
    }
}
