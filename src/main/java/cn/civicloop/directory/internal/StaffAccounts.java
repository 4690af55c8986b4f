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
import cn.civicloop.directory.Role;
import cn.civicloop.directory.StaffCredentials;
import cn.civicloop.directory.StaffCredentialsChanged;
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
    /** Staff phones are stored sealed (商用密码): written through {@code seal}, read through {@code open}. */
    private final PersonalDataCipher cipher;

    StaffAccounts(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events, PersonalDataCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.clock = clock;
        this.events = events;
    }

    /** A staff row as admins see it (never with the password hash). */
    record StaffView(long id, String username, String displayName, Long departmentId, String phone,
            boolean active, Set<Role> roles) {
    }

    @Override
    public Optional<StaffAccount> byUsername(String username) {
        return jdbc.sql("""
                select s.id, s.username, s.display_name, s.password_hash, s.department_id, s.active, d.kind
                from directory_staff s left join directory_department d on d.id = s.department_id
                where s.username = ?""").param(username)
                .query((rs, n) -> {
                    long id = rs.getLong("id");
                    Long dept = rs.getObject("department_id", Long.class);
                    String kind = rs.getString("kind");
                    boolean districtWide = dept == null || DepartmentKind.CENTRE.name().equals(kind);
                    Actor actor = new Actor(id, rs.getString("username"), rs.getString("display_name"),
                            roles(id), dept, districtWide);
                    return new StaffAccount(actor, rs.getString("password_hash"), rs.getBoolean("active"));
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
        jdbc.sql("""
                insert into directory_staff (username, display_name, password_hash, department_id, phone, active, created_at)
                values (?, ?, ?, ?, ?, true, ?)""")
                .params(username, displayName, passwordHash, departmentId, cipher.seal(phone),
                        java.sql.Timestamp.from(clock.instant()))
                .update();
        long id = jdbc.sql("select id from directory_staff where username = ?").param(username)
                .query(Long.class).single();
        replaceRoles(id, roles);
        return id;
    }

    void update(long id, String displayName, Long departmentId, String phone, boolean active, Set<Role> roles) {
        jdbc.sql("update directory_staff set display_name = ?, department_id = ?, phone = ?, active = ? where id = ?")
                .params(displayName, departmentId, cipher.seal(phone), active, id).update();
        replaceRoles(id, roles);
        if (!active) {
            events.publishEvent(new StaffCredentialsChanged(id));
        }
    }

    void changePassword(long id, String passwordHash) {
        jdbc.sql("update directory_staff set password_hash = ? where id = ?").params(passwordHash, id).update();
        events.publishEvent(new StaffCredentialsChanged(id));
    }

    private void replaceRoles(long id, Set<Role> roles) {
        jdbc.sql("delete from directory_staff_role where staff_id = ?").param(id).update();
        roles.forEach(r -> jdbc.sql("insert into directory_staff_role (staff_id, role) values (?, ?)")
                .params(id, r.name()).update());
    }
}
