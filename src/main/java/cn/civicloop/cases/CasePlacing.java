package cn.civicloop.cases;

import cn.civicloop.directory.Actor;

/** Confirming or correcting where a case is, recorded on its timeline with who, when and why. */
public interface CasePlacing {

    /**
     * Moves case {@code number} to the fixed place and settles "place to confirm". Only the district centre (hotline
     * operators, triage officers, the 110 dispatchers) may, while the case is open.
     *
     * @throws cn.civicloop.shared.ForbiddenException   for anyone else
     * @throws cn.civicloop.shared.ConflictException    when the case has ended
     * @throws cn.civicloop.shared.InvalidInputException without a reason
     */
    void fixPlace(String number, PlaceFix fix, Actor actor);
}
