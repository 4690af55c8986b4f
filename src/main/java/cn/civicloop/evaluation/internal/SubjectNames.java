package cn.civicloop.evaluation.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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
        return names(kind, List.of(key)).get(key);
    }

    /**
     * The names of these subjects of one kind, each key mapped ("#key" when unknown). A draft names every subject of
     * a month: the road areas' names, the chiefs' and the unit plan are read once for all of them, not once a
     * subject (the unit plan is the whole roster and every block's outline).
     */
    public Map<String, String> names(SubjectKind kind, Collection<String> keys) {
        Function<String, String> lookup = switch (kind) {
            case DEPARTMENT, LINKAGE, UNIT -> key -> {
                try {
                    return directory.department(Long.parseLong(key)).map(Department::name).orElse(null);
                } catch (NumberFormatException bad) {
                    return null;
                }
            };
            case STREET, GRID -> key -> directory.area(key).map(Area::name).orElse(null);
            case ROAD_AREA -> roads.areaNames()::get;
            case POLICE_BLOCK -> {
                Map<String, String> blocks = new HashMap<>();
                police.unitPlan().blocks().forEach(b -> blocks.putIfAbsent(b.code(), b.name()));
                yield blocks::get;
            }
            case ROAD_CHIEF -> {
                List<Long> ids = new ArrayList<>();
                for (String key : keys) {
                    try {
                        ids.add(Long.valueOf(key));
                    } catch (NumberFormatException bad) {
                        // not a chief's id: named by its key
                    }
                }
                Map<Long, String> chiefs = ids.isEmpty() ? Map.of() : roads.chiefNames(ids);
                yield key -> {
                    try {
                        return chiefs.get(Long.valueOf(key));
                    } catch (NumberFormatException bad) {
                        return null;
                    }
                };
            }
        };
        Map<String, String> names = new HashMap<>();
        for (String key : keys) {
            String name = lookup.apply(key);
            String result = name == null ? "#" + key : name;
            names.put(key, result.length() > 100 ? result.substring(0, 100) : result);
        }
        return names;
    }
}
