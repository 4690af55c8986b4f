package cn.civicloop.cameras;

/** A camera's state: 在线, 离线, 维护中. */
public enum CameraStatus {
    ONLINE, OFFLINE, MAINTENANCE
}
