/**
 * Security (安全): who is calling and whether he may. Staff log in by the login form (page session in the database,
 * CSRF) or exchange their password for a bearer token (API); a username is locked after repeated wrong passwords on
 * either door; per-address rate limits and a body-size limit refuse floods before anything is parsed; every response
 * carries the security headers; what Tomcat or the firewall refuses is a problem document too; every login and every
 * state-changing staff request is written to the audit log, chained with HMAC-SM3 under a key kept outside the
 * database (package {@code internal.audit}: key, verifier, head export, archive; the audit administrator's page in
 * {@code web}). The two filter chains are composed from the endpoint owners each module declares ({@link cn.civicloop.shared.web.EndpointOwners}, ADR 0012).
 * <p>
 * API: {@link cn.civicloop.security.Actors} — the member of staff behind the current request;
 * {@link cn.civicloop.security.AuditCommandLine} — {@code java -jar … audit verify}. It implements the shared kernel's
 * {@link cn.civicloop.shared.AuditTrail}, through which other modules audit reads and exports of personal data, and
 * the directory's {@link cn.civicloop.directory.PasswordPolicy} from {@code civicloop.security.password.*} (an expired
 * password must be changed at the next login, like an initial or reset one).
 * <p>
 * It must not: keep staff, roles or departments (it reads accounts through the directory's
 * {@link cn.civicloop.directory.StaffCredentials} and revokes tokens on
 * {@link cn.civicloop.directory.StaffCredentialsChanged}); decide the finer rules of another module's data
 * (department scope, holders, levels — each module checks its own); or read another module's tables. Its tables carry
 * the prefix {@code security_}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security (安全)",
        allowedDependencies = {"shared", "directory", "cluster"})
package cn.civicloop.security;
