package cn.civicloop.places;

/** How precisely an answer names a place, from the whole district down to a room. */
public enum PlaceLevel {
    /** 区 — only the district matched. */
    DISTRICT,
    /** 街道/镇. */
    STREET,
    /** 社区/村. */
    COMMUNITY,
    /** 道路 or 巷: a road or lane as a whole. */
    ROAD,
    /** 路口: where two roads of the gazetteer cross. */
    INTERSECTION,
    /** 门牌: a number on a road. */
    DOORPLATE,
    /** 地名: a named place (小区, school, hospital, market, park, 单位, bus stop). */
    PLACE,
    /** 出入口: a gate of a named place (东门, 南门…). */
    GATE,
    /** 楼栋. */
    BUILDING,
    /** 单元. */
    UNIT,
    /** 户/室. */
    ROOM;

    /** Levels stored in the gazetteer as rows (the areas belong to geo, intersections are computed). */
    public boolean stored() {
        return this != DISTRICT && this != STREET && this != COMMUNITY && this != INTERSECTION;
    }
}
