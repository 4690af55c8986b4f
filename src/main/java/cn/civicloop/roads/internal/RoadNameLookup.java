package cn.civicloop.roads.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.civicloop.roads.RoadNames;

/** Road areas' and chiefs' names, read from the road tables (a few dozen areas and chiefs in a district). */
@Component
class RoadNameLookup implements RoadNames {

    private final RoadData data;

    RoadNameLookup(RoadData data) {
        this.data = data;
    }

    @Override
    public Map<String, String> areaNames() {
        Map<String, String> names = new LinkedHashMap<>();
        data.areas().forEach(a -> names.put(a.code(), a.name()));
        return names;
    }

    @Override
    public Map<Long, String> chiefNames(Collection<Long> chiefIds) {
        Map<Long, String> names = new LinkedHashMap<>();
        for (Long id : chiefIds) {
            data.chief(id).ifPresent(c -> names.put(id, c.name()));
        }
        return names;
    }
}
