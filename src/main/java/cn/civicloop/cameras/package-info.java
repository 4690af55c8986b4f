/**
 * 雪亮工程 video linkage (视频联动): the registry of the district's public-security cameras (code, name, WGS84 point,
 * owning unit, status, kind, with the history of every change), imported from CSV (UTF-8 or GBK) and GeoJSON and
 * exported as both; the nearest cameras of a point, searched in an in-memory grid ({@link cn.civicloop.cameras.Cameras});
 * and footage requests (调取视频) to the video centre: a task with a deadline on the business calendar, answered with
 * a reference to the archived footage or with the reason there is none. No video is stored, only references. A
 * request on a case and its answer are written on the case's timeline as notes of the application; the video centre
 * gets a new request in its staff inbox and the requester the answer (notify's staff letters).
 * <p>
 * Owns the {@code cameras_*} tables, templates {@code templates/cameras/}, messages {@code messages-cameras*},
 * settings {@code civicloop.cameras.*}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Video linkage (雪亮工程)",
        allowedDependencies = {"shared", "calendar", "cases", "cluster", "directory", "notify", "security"})
package cn.civicloop.cameras;
