package cn.civicloop.roads.internal;

import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.civicloop.directory.Actor;
import cn.civicloop.directory.Role;
import cn.civicloop.shared.ForbiddenException;
import cn.civicloop.shared.Phrase;

/** The road chief behind a logged-in staff account (linked by username). */
@Component
public class Chiefs {

    private final RoadData data;

    Chiefs(RoadData data) {
        this.data = data;
    }

    public Chief of(Actor actor) {
        if (!actor.has(Role.ROAD_CHIEF) || actor.username() == null) {
            throw new ForbiddenException(Phrase.of("problem.roads.road-chiefs-only", "只有路长可以这样做"));
        }
        return data.chiefByUsername(actor.username()).orElseThrow(() ->
                new ForbiddenException(Phrase.of("problem.roads.account-not-a-chief", "该账号未登记为路长")));
    }

    public Optional<Chief> find(Actor actor) {
        return actor.username() == null || !actor.has(Role.ROAD_CHIEF) ? Optional.empty()
                : data.chiefByUsername(actor.username());
    }

    /** The weekly briefing and patrol coverage: first- and second-level chiefs, district leaders, admins. */
    public void requireSupervisor(Actor actor) {
        boolean ok = actor.has(Role.LEADER) || actor.has(Role.ADMIN) || find(actor).map(c -> c.level() <= 2).orElse(false);
        if (!ok) {
            throw new ForbiddenException(Phrase.of("problem.roads.supervisors-only", "通报仅限一级、二级路长和区领导"));
        }
    }
}
