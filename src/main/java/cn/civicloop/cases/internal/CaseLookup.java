package cn.civicloop.cases.internal;

import org.springframework.stereotype.Component;

import cn.civicloop.directory.Actor;
import cn.civicloop.shared.ForbiddenException;
import cn.civicloop.shared.NotFoundException;

/** Finds a case for someone: staff who may see it, or the resident with its tracking token. */
@Component
class CaseLookup {

    private final Cases cases;
    private final CoHandling coHandling;
    private final TrackingTokens tokens;

    CaseLookup(Cases cases, CoHandling coHandling, TrackingTokens tokens) {
        this.cases = cases;
        this.coHandling = coHandling;
        this.tokens = tokens;
    }

    /** The case, if it exists and {@code actor} may see it; a case one may not see cannot be acted on either. */
    Case readable(String number, Actor actor) {
        Case c = cases.byNumber(number).orElseThrow(() -> new NotFoundException("工单不存在 (no such case): " + number));
        if (!CaseAccess.canRead(actor, holders(c))) {
            throw new ForbiddenException("无权查看该工单 (this case is not yours to see)");
        }
        return c;
    }

    /** The resident's case: number and token must match, else it does not exist for him. */
    Case residentCase(String number, String token) {
        return cases.byNumber(number).filter(c -> tokens.matches(c.number, token))
                .orElseThrow(() -> new NotFoundException("工单号或查询码不正确 (no case with this number and token)"));
    }

    CaseHolders holders(Case c) {
        return new CaseHolders(c.departmentId, c.unitId, coHandling.activeDepartments(c.id));
    }
}
