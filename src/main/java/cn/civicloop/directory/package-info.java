/**
 * Directory (组织目录): who is who in the district. The area tree 区 → 街道/镇 → 社区/村 → 网格, the handling
 * departments (承办单位) with their units and the linked agencies of the 110 social-linkage centre, and the staff
 * with their roles and stored password hashes ({@link cn.civicloop.directory.StaffCredentials} for whoever checks a
 * login; {@link cn.civicloop.directory.StaffCredentialsChanged} when a password changes or an account is deactivated).
 * <p>
 * Loaded from a data file on first start and editable by admins afterwards. It knows nothing about cases, and nothing
 * about logins, tokens, sessions or the audit log (the security module's). Whenever it stores a password (own change,
 * new account, reset) it applies the {@link cn.civicloop.directory.PasswordPolicy}, whose settings and implementation
 * are the security module's; it keeps the replaced hashes for the policy's history.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Directory (组织目录)", allowedDependencies = {"shared", "cluster"})
package cn.civicloop.directory;
