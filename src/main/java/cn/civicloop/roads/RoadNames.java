package cn.civicloop.roads;

import java.util.Collection;
import java.util.Map;

/** Names of road areas and chiefs for modules that keep only their codes and ids (evaluation's figures). */
public interface RoadNames {

    /** Every road area's name by its code. */
    Map<String, String> areaNames();

    /** The chiefs' names by id; unknown ids are left out. */
    Map<Long, String> chiefNames(Collection<Long> chiefIds);
}
