package cn.civicloop.roads.internal.whistles;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.civicloop.directory.Actor;
import cn.civicloop.directory.Department;
import cn.civicloop.directory.DepartmentKind;
import cn.civicloop.directory.Directory;
import cn.civicloop.roads.internal.Chief;
import cn.civicloop.roads.internal.Chiefs;
import cn.civicloop.roads.internal.RoadData;

/** Gathers a person's {@link WhistleScope} from the directory and the road chiefs. */
@Component
class WhistleScopes {

    private final Directory directory;
    private final Chiefs chiefs;
    private final RoadData data;

    WhistleScopes(Directory directory, Chiefs chiefs, RoadData data) {
        this.directory = directory;
        this.chiefs = chiefs;
        this.data = data;
    }

    WhistleScope of(Actor actor) {
        Chief chief = chiefs.find(actor).orElse(null);
        Department street = actor.departmentId() == null ? null : directory.department(actor.departmentId())
                .filter(d -> d.kind() == DepartmentKind.STREET).orElse(null);
        List<Long> answersFor = !WhistleAccess.departmentStaff(actor) ? List.of() : directory.departments().stream()
                .filter(d -> directory.isWithin(actor.departmentId(), d.id())).map(Department::id).toList();
        List<Long> areasLed = chief == null || chief.level() != 1 ? List.of() : data.areasLedBy(chief);
        return new WhistleScope(actor, chief, street, answersFor, areasLed);
    }
}
