package cn.civicloop.geo;

/** The administrative levels below a city, from the largest to the smallest. */
public enum AreaLevel {
    /** 区/县 — the whole jurisdiction CivicLoop serves. */
    DISTRICT,
    /** 街道 or 镇. */
    STREET,
    /** 社区 (urban) or 村 (rural). */
    COMMUNITY,
    /** 网格 — the smallest unit, each with a grid worker. */
    GRID
}
