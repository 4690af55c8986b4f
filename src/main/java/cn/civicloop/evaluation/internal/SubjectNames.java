package cn.civicloop.evaluation.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.civicloop.directory.Area;
import cn.civicloop.directory.Department;
import cn.civicloop.directory.Directory;
import cn.civicloop.dispatch.DispatchRecords;
import cn.civicloop.dispatch.UnitPlan;
import cn.civicloop.evaluation.SubjectKind;
import cn.civicloop.roads.RoadNames;

/**
 * The name of a subject, from the directory (departments, units), its area tree (streets, grids), the roads'
 * names (road areas, chiefs) or dispatch's unit plan (police blocks).
 */
@Component
public class SubjectNames {

    private final Directory directory;
    private final RoadNames roads;
    private final DispatchRecords police;

    SubjectNames(Directory directory, RoadNames roads, DispatchRecords police) {
        this.directory = directory;
        this.roads = roads;
        this.police = police;
    }

    public String name(SubjectKind kind, String key) {
        String name = switch (kind) {
            case DEPARTMENT, LINKAGE, UNIT -> {
                try {
                    yield directory.department(Long.parseLong(key)).map(Department::name).orElse(null);
                } catch (NumberFormatException bad) {
                    yield null;
                }
            }
            case STREET, GRID -> directory.area(key).map(Area::name).orElse(null);
            case ROAD_AREA -> roads.areaNames().get(key);
            case POLICE_BLOCK -> police.unitPlan().blocks().stream().filter(b -> b.code().equals(key))
                    .map(UnitPlan.PlannedBlock::name).findFirst().orElse(null);
            case ROAD_CHIEF -> {
                try {
                    yield roads.chiefNames(List.of(Long.valueOf(key))).get(Long.valueOf(key));
                } catch (NumberFormatException bad) {
                    yield null;
                }
            }
        };
        String result = name == null ? "#" + key : name;
        return result.length() > 100 ? result.substring(0, 100) : result;
    }
}
