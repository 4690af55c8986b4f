/**
 * Directory (组织目录): who is who in the district. The area tree 区 → 街道/镇 → 社区/村 → 网格, the handling
 * departments (承办单位) with their units and the linked agencies of the 110 social-linkage centre, and the staff
 * with their roles. It also owns staff authentication (form login for the pages, bearer tokens for the API),
 * because only it knows passwords and roles.
 * <p>
 * Loaded from a data file on first start and editable by admins afterwards. It knows nothing about cases.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Directory (组织目录)", allowedDependencies = {"shared", "cluster"})
package cn.civicloop.directory;
