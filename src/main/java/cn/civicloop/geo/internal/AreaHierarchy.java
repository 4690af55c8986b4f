package cn.civicloop.geo.internal;

import cn.civicloop.geo.AreaLevel;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The areas as a checked tree: one district, streets under it, communities under streets, grids under communities.
 * Checked once at startup so that lookups can follow parent links without ever finding a hole.
 */
final class AreaHierarchy {

    private final Map<String, AreaPolygon> byCode;

    private AreaHierarchy(Map<String, AreaPolygon> byCode) {
        this.byCode = byCode;
    }

    static AreaHierarchy of(List<AreaPolygon> areas) {
        Map<String, AreaPolygon> byCode = new TreeMap<>();
        for (AreaPolygon area : areas) {
            if (byCode.putIfAbsent(area.code(), area) != null) {
                throw new IllegalArgumentException("code " + area.code() + " is used twice");
            }
        }
        AreaHierarchy hierarchy = new AreaHierarchy(byCode);
        if (hierarchy.ofLevel(AreaLevel.DISTRICT).size() != 1) {
            throw new IllegalArgumentException("there must be exactly one DISTRICT feature, found "
                    + hierarchy.ofLevel(AreaLevel.DISTRICT).size());
        }
        if (hierarchy.ofLevel(AreaLevel.GRID).isEmpty()) {
            throw new IllegalArgumentException("there are no GRID features, so no point could ever be located");
        }
        byCode.values().forEach(hierarchy::checkParent);
        return hierarchy;
    }

    private void checkParent(AreaPolygon area) {
        AreaLevel level = area.ref().level();
        if (level == AreaLevel.DISTRICT) {
            if (area.parentCode() != null) {
                throw new IllegalArgumentException(area.describe() + " must not have a parent");
            }
            return;
        }
        AreaLevel expected = AreaLevel.values()[level.ordinal() - 1];
        AreaPolygon parent = area.parentCode() == null ? null : byCode.get(area.parentCode());
        if (parent == null) {
            throw new IllegalArgumentException(area.describe() + " names parent " + expected.name().toLowerCase(Locale.ROOT)
                    + " " + area.parentCode() + ", which is not in the file");
        }
        if (parent.ref().level() != expected) {
            throw new IllegalArgumentException(area.describe() + " must have a " + expected + " as parent, but "
                    + parent.describe() + " is a " + parent.ref().level());
        }
        if (!area.code().startsWith(parent.code())) {
            // GB/T 30428.1 codes nest: a child's code extends its parent's, which other modules rely on for prefixes.
            throw new IllegalArgumentException(area.describe() + " has a code that does not start with its parent's "
                    + parent.code());
        }
        if (!parent.geometry().covers(area.geometry().getInteriorPoint())) {
            throw new IllegalArgumentException(area.describe() + " lies outside its parent " + parent.describe());
        }
    }

    AreaPolygon parentOf(AreaPolygon area) {
        return byCode.get(area.parentCode());
    }

    AreaPolygon district() {
        return ofLevel(AreaLevel.DISTRICT).get(0);
    }

    /** The areas of one level, ordered by code. */
    List<AreaPolygon> ofLevel(AreaLevel level) {
        return byCode.values().stream()
                .filter(a -> a.ref().level() == level)
                .sorted(Comparator.comparing(AreaPolygon::code))
                .toList();
    }
}
