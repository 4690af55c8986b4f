package cn.civicloop.roads.internal;

import org.springframework.stereotype.Component;

import cn.civicloop.directory.Actor;
import cn.civicloop.directory.Role;
import cn.civicloop.shared.ForbiddenException;

/** The road chief behind a logged-in staff account (linked by username). */
@Component
public class Chiefs {

    private final RoadData data;

    Chiefs(RoadData data) {
        this.data = data;
    }

    public Chief of(Actor actor) {
        if (!actor.has(Role.ROAD_CHIEF) || actor.username() == null) {
            throw new ForbiddenException("只有路长可以这样做 (only a road chief may do this)");
        }
        return data.chiefByUsername(actor.username()).orElseThrow(() ->
                new ForbiddenException("该账号未登记为路长 (this account is not linked to a road chief)"));
    }

    public java.util.Optional<Chief> find(Actor actor) {
        return actor.username() == null || !actor.has(Role.ROAD_CHIEF) ? java.util.Optional.empty()
                : data.chiefByUsername(actor.username());
    }
}
