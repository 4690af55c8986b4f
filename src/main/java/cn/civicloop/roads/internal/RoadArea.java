package cn.civicloop.roads.internal;

/** A road area (路段片区) with its first-level chief and the phone of its road-chief office. */
public record RoadArea(long id, String code, String name, String leaderCode, String supervisionPhone) {
}
