package cn.civicloop.cameras;

/** A camera near a point and how far it is, in metres. */
public record NearbyCamera(String code, String name, double lat, double lon, String owner, CameraStatus status,
        String kind, double distanceMeters) {
}
