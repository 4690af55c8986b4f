package cn.civicloop.roads.internal;

import java.util.List;

/** A road segment as stored: a GeoJSON LineString's coordinates as [lon, lat] pairs. */
public record Segment(long id, String code, String name, String section, long areaId, String areaCode,
        String areaName, Long squadId, String squadCode, List<double[]> coordinates, double lengthMetres) {
}
