package cn.civicloop.directory;

/**
 * A handling organisation (承办单位).
 *
 * @param parentId the department a unit belongs to, {@code null} for top-level departments
 * @param areaCode the area a street/town office is responsible for (属地), else {@code null}
 * @param linkage  member of the 110 social-linkage centre (社会联动单位)
 */
public record Department(long id, String code, String name, DepartmentKind kind, Long parentId, String areaCode,
        String phone, boolean linkage, boolean active) {
}
