package cn.civicloop.cameras.internal;

import cn.civicloop.cameras.CameraStatus;

/** A camera of the registry (点位): code, name, WGS84 point, owning unit, status and kind (球机, 枪机, 卡口 …). */
public record Camera(String code, String name, double lat, double lon, String owner, CameraStatus status,
        String kind) {
}
