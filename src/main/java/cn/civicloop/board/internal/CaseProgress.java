package cn.civicloop.board.internal;

import java.util.Set;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.CasePlaced;
import cn.civicloop.cases.CaseTransitioned;
import cn.civicloop.cases.FollowUpAnswered;
import cn.civicloop.shared.SelectiveListener;

/**
 * Keeps the board current from the cases' events, after their transaction: a case's row on every change of status
 * or department, and the departments' monthly figures. Only steps that change what the board shows are stored as
 * publications for this listener.
 */
@Component
class CaseProgress implements SelectiveListener {

    static final Set<CaseAction> COUNTED = Set.of(CaseAction.ASSIGN, CaseAction.REASSIGN, CaseAction.ARBITRATE,
            CaseAction.CLOSE, CaseAction.MERGE, CaseAction.VOID);

    private final Publications publications;
    private final DepartmentMonths months;

    CaseProgress(Publications publications, DepartmentMonths months) {
        this.publications = publications;
        this.months = months;
    }

    public static boolean concerns(CaseTransitioned event) {
        return event.from() != event.to() || COUNTED.contains(event.action());
    }

    /** Only the steps {@link #concerns} names store a publication for this listener. */
    @Override
    public boolean takes(Object event) {
        return !(event instanceof CaseTransitioned t) || concerns(t);
    }

    @ApplicationModuleListener
    void on(CaseTransitioned event) {
        months.count(event);
        publications.refresh(event.number());
    }

    /** A corrected place moves the case's row to its new street and community (and the map's counts with it). */
    @ApplicationModuleListener
    void on(CasePlaced event) {
        publications.moved(event.number(), event.streetCode(), event.communityCode());
    }

    @ApplicationModuleListener
    void on(FollowUpAnswered event) {
        months.count(event);
    }
}
