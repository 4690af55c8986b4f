package cn.civicloop.directory.internal;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.civicloop.directory.Actor;
import cn.civicloop.directory.DepartmentKind;
import cn.civicloop.directory.PasswordPolicy;
import cn.civicloop.directory.Role;
import cn.civicloop.directory.StaffCredentials;
import cn.civicloop.directory.StaffCredentialsChanged;
import cn.civicloop.shared.Phrase;
import cn.civicloop.shared.PersonalDataCipher;

/**
 * Staff accounts (人员) in the database: their credentials for whoever checks a login ({@link StaffCredentials}),
 * and the rows admins edit. A password change or a deactivation is announced as {@link StaffCredentialsChanged}.
 */
@Component
class StaffAccounts implements StaffCredentials {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final org.springframework.security.crypto.password.PasswordEncoder encoder;
    /** Staff phones are stored sealed (商用密码): written through {@code seal}, read through {@code open}. */
    private final PersonalDataCipher cipher;
    private final PasswordPolicy policy;

    StaffAccounts(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events,
            org.springframework.security.crypto.password.PasswordEncoder encoder, PersonalDataCipher cipher,
            PasswordPolicy policy) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.cipher = cipher;
        this.clock = clock;
        this.events = events;
        this.encoder = encoder;
    }

    @Override
    @org.springframework.transaction.annotation.Transactional
    public void changeOwnPassword(long staffId, String newPassword) {
        checkPolicy("newPassword", newPassword);
        if (reusesRecent(staffId, newPassword)) {
            throw new cn.civicloop.shared.InvalidInputException("newPassword", Phrase.of(
                    "problem.directory.password-reused", "新密码不能与最近 {0} 次使用过的密码相同", policy.history()));
        }
        changePassword(staffId, encoder.encode(newPassword), false);
    }

    /** Refuses {@code password} on {@code field} with every reason the password policy gives, if it gives any. */
    void checkPolicy(String field, String password) {
        List<Phrase> problems = policy.problems(password);
        if (!problems.isEmpty()) {
            // every reason in one sentence of the reader's language
            Phrase all = problems.get(0);
            for (Phrase next : problems.subList(1, problems.size())) {
                all = Phrase.of("problem.directory.and", "{0}；{1}", all, next);
            }
            throw new cn.civicloop.shared.InvalidInputException(field, all);
        }
    }

    /** True when a password set by a security administrator must be changed by its holder at his first login. */
    boolean firstLoginChange() {
        return policy.firstLoginChange();
    }

    /** True when {@code password} is the current one or one of the last ones (the policy's history, current included). */
    private boolean reusesRecent(long staffId, String password) {
        int history = policy.history();
        if (history <= 0) {
            return false;
        }
        List<String> hashes = new java.util.ArrayList<>();
        jdbc.sql("select password_hash from directory_staff where id = ?").param(staffId).query(String.class)
                .optional().ifPresent(hashes::add);
        if (history > 1) {
            hashes.addAll(jdbc.sql("""
                    select password_hash from directory_password_history where staff_id = ?
                    order by id desc fetch first ? rows only""").params(staffId, history - 1)
                    .query(String.class).list());
        }
        return hashes.stream().anyMatch(h -> encoder.matches(password, h));
    }

    @Override
    public Optional<String> totpSecret(long staffId) {
        return jdbc.sql("select totp_secret from directory_staff where id = ?").param(staffId)
                .query(String.class).optional().filter(v -> v != null && !v.isBlank()).map(cipher::open);
    }

    @Override
    public void setTotpSecret(long staffId, String base32Secret) {
        jdbc.sql("update directory_staff set totp_secret = ? where id = ?")
                .params(cipher.seal(base32Secret), staffId).update();
    }

    /** A staff row as admins see it (never with the password hash). */
    record StaffView(long id, String username, String displayName, Long departmentId, String phone,
            boolean active, Set<Role> roles) {
    }

    @Override
    public Optional<StaffAccount> byUsername(String username) {
        return jdbc.sql("""
                select s.id, s.username, s.display_name, s.password_hash, s.department_id, s.active, d.kind,
                       s.password_must_change, s.password_changed_at
                from directory_staff s left join directory_department d on d.id = s.department_id
                where s.username = ?""").param(username)
                .query((rs, n) -> {
                    long id = rs.getLong("id");
                    Long dept = rs.getObject("department_id", Long.class);
                    String kind = rs.getString("kind");
                    boolean districtWide = dept == null || DepartmentKind.CENTRE.name().equals(kind);
                    Actor actor = new Actor(id, rs.getString("username"), rs.getString("display_name"),
                            roles(id), dept, districtWide);
                    var changed = rs.getTimestamp("password_changed_at");
                    return new StaffAccount(actor, rs.getString("password_hash"), rs.getBoolean("active"),
                            rs.getBoolean("password_must_change"), changed == null ? null : changed.toInstant());
                }).optional();
    }

    @Override
    public Optional<StaffAccount> byId(long staffId) {
        return jdbc.sql("select username from directory_staff where id = ?").param(staffId)
                .query(String.class).optional().flatMap(this::byUsername);
    }

    Set<Role> roles(long staffId) {
        List<String> names = jdbc.sql("select role from directory_staff_role where staff_id = ?")
                .param(staffId).query(String.class).list();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        names.forEach(n -> roles.add(Role.valueOf(n)));
        return roles;
    }

    List<StaffView> all() {
        return jdbc.sql("select id from directory_staff order by id").query(Long.class).list()
                .stream().map(id -> find(id).orElseThrow()).toList();
    }

    Optional<StaffView> find(long id) {
        return jdbc.sql("select id, username, display_name, department_id, phone, active from directory_staff where id = ?")
                .param(id)
                .query((rs, n) -> new StaffView(rs.getLong("id"), rs.getString("username"),
                        rs.getString("display_name"), rs.getObject("department_id", Long.class),
                        cipher.open(rs.getString("phone")), rs.getBoolean("active"), roles(rs.getLong("id"))))
                .optional();
    }

    boolean usernameTaken(String username) {
        return jdbc.sql("select count(*) from directory_staff where username = ?").param(username)
                .query(Long.class).single() > 0;
    }

    long insert(String username, String displayName, String passwordHash, Long departmentId, String phone,
            Set<Role> roles) {
        return insert(username, displayName, passwordHash, departmentId, phone, roles, false);
    }

    /** {@code mustChange}: the password was set by a security administrator and its holder must change it first. */
    long insert(String username, String displayName, String passwordHash, Long departmentId, String phone,
            Set<Role> roles, boolean mustChange) {
        jdbc.sql("""
                insert into directory_staff (username, display_name, password_hash, department_id, phone, active, created_at,
                    password_changed_at, password_must_change)
                values (?, ?, ?, ?, ?, true, ?, ?, ?)""")
                .params(username, displayName, passwordHash, departmentId, cipher.seal(phone),
                        java.sql.Timestamp.from(clock.instant()), java.sql.Timestamp.from(clock.instant()), mustChange)
                .update();
        long id = jdbc.sql("select id from directory_staff where username = ?").param(username)
                .query(Long.class).single();
        replaceRoles(id, roles);
        return id;
    }

    /**
     * A deactivation, a change of roles or of department ends what the account was issued (sessions, tokens): the
     * next request of its holder must see his account as it is now.
     */
    void update(long id, String displayName, Long departmentId, String phone, boolean active, Set<Role> roles) {
        StaffView before = find(id).orElseThrow();
        jdbc.sql("update directory_staff set display_name = ?, department_id = ?, phone = ?, active = ? where id = ?")
                .params(displayName, departmentId, cipher.seal(phone), active, id).update();
        replaceRoles(id, roles);
        boolean accessChanged = !active || !before.roles().equals(roles)
                || !java.util.Objects.equals(before.departmentId(), departmentId);
        if (accessChanged) {
            events.publishEvent(new StaffCredentialsChanged(id));
        }
    }

    /**
     * Stores a new password hash. {@code mustChange}: an initial or reset password, to be changed by its holder at his
     * next login; false when the holder chose it himself.
     */
    void changePassword(long id, String passwordHash, boolean mustChange) {
        jdbc.sql("""
                insert into directory_password_history (staff_id, password_hash, replaced_at)
                select id, password_hash, ? from directory_staff where id = ?""")
                .params(java.sql.Timestamp.from(clock.instant()), id).update();
        jdbc.sql("""
                update directory_staff set password_hash = ?, password_must_change = ?, password_changed_at = ?
                where id = ?""")
                .params(passwordHash, mustChange, java.sql.Timestamp.from(clock.instant()), id).update();
        events.publishEvent(new StaffCredentialsChanged(id));
    }

    void requirePasswordChange(long id) {
        jdbc.sql("update directory_staff set password_must_change = true where id = ?").param(id).update();
    }

    /** The usernames whose stored hash is exactly {@code hash} (the demo directory's fixed one). */
    List<String> usernamesWithHash(String hash) {
        return jdbc.sql("select username from directory_staff where password_hash = ? order by username")
                .param(hash).query(String.class).list();
    }

    /** Username → stored hash, for those of {@code usernames} that exist. */
    java.util.Map<String, String> hashesOf(java.util.Collection<String> usernames) {
        java.util.Map<String, String> hashes = new java.util.HashMap<>();
        for (String name : usernames) {
            jdbc.sql("select password_hash from directory_staff where username = ?").param(name)
                    .query(String.class).optional().ifPresent(h -> hashes.put(name, h));
        }
        return hashes;
    }

    private void replaceRoles(long id, Set<Role> roles) {
        jdbc.sql("delete from directory_staff_role where staff_id = ?").param(id).update();
        roles.forEach(r -> jdbc.sql("insert into directory_staff_role (staff_id, role) values (?, ?)")
                .params(id, r.name()).update());
    }
}
