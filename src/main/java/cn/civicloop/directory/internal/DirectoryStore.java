package cn.civicloop.directory.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.civicloop.cluster.ReferenceChanges;
import cn.civicloop.directory.Actor;
import cn.civicloop.directory.Area;
import cn.civicloop.directory.Department;
import cn.civicloop.directory.DepartmentKind;
import cn.civicloop.directory.Directory;
import cn.civicloop.directory.Role;
import cn.civicloop.directory.StaffCredentials.StaffAccount;
import cn.civicloop.shared.ReferenceCache;

/** Departments and areas in the database; the implementation of {@link Directory}. */
@Service
class DirectoryStore implements Directory {

    private static final String DEPARTMENT_COLUMNS =
            "select id, code, name, kind, parent_id, area_code, phone, linkage, active from directory_department ";

    /** Cluster signal: departments changed on some instance; unit trees decide scopes, so no instance may lag. */
    private static final String TOPIC = "reference-departments";

    private final JdbcClient jdbc;
    private final StaffAccounts staff;
    private final ReferenceChanges changes;
    /** Departments are looked up several times per case (names, the unit tree); admins change them rarely. */
    private final ReferenceCache<Long, Department> byId = new ReferenceCache<>(ReferenceCache.DEFAULT_TTL);
    private final ReferenceCache<String, Department> byCode = new ReferenceCache<>(ReferenceCache.DEFAULT_TTL);

    DirectoryStore(JdbcClient jdbc, StaffAccounts staff, ReferenceChanges changes) {
        this.jdbc = jdbc;
        this.staff = staff;
        this.changes = changes;
        changes.onChange(TOPIC, this::forgetDepartments);
    }

    @Override
    public List<Long> staffIds(Long departmentId, Role role) {
        List<Long> candidates = jdbc.sql("""
                select s.id, s.department_id from directory_staff s join directory_staff_role r on r.staff_id = s.id
                where s.active = true and r.role = ? order by s.id""").param(role.name())
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getObject(2) == null ? -1 : rs.getLong(2)}).list()
                .stream().filter(row -> departmentId == null || (row[1] >= 0 && isWithin(row[1], departmentId)))
                .map(row -> row[0]).toList();
        return candidates;
    }

    @Override
    public Optional<Actor> staffActor(String username) {
        return staff.byUsername(username).filter(StaffAccount::active).map(StaffAccount::actor);
    }

    @Override
    public Optional<Department> department(long id) {
        return Optional.ofNullable(byId.get(id, key -> jdbc.sql(DEPARTMENT_COLUMNS + "where id = ?").param(key)
                .query(DirectoryStore::department).optional().orElse(null)));
    }

    @Override
    public Optional<Department> departmentByCode(String code) {
        return Optional.ofNullable(byCode.get(code, key -> jdbc.sql(DEPARTMENT_COLUMNS + "where code = ?").param(key)
                .query(DirectoryStore::department).optional().orElse(null)));
    }

    @Override
    public List<Department> departments() {
        return jdbc.sql(DEPARTMENT_COLUMNS + "order by id").query(DirectoryStore::department).list();
    }

    @Override
    public boolean isWithin(long unitId, long departmentId) {
        Long current = unitId;
        // The tree is shallow (department → unit → sub-unit); the bound only guards against a cycle in bad data.
        for (int depth = 0; current != null && depth < 8; depth++) {
            if (current == departmentId) {
                return true;
            }
            current = department(current).map(Department::parentId).orElse(null);
        }
        return false;
    }

    @Override
    public Optional<Area> area(String code) {
        return jdbc.sql("select code, name, level, parent_code from directory_area where code = ?").param(code)
                .query(DirectoryStore::area).optional();
    }

    @Override
    public List<Area> areas(String level) {
        return jdbc.sql("select code, name, level, parent_code from directory_area where level = ? order by code")
                .param(level).query(DirectoryStore::area).list();
    }

    long insertDepartment(String code, String name, DepartmentKind kind, Long parentId, String areaCode,
            String phone, boolean linkage) {
        jdbc.sql("""
                insert into directory_department (code, name, kind, parent_id, area_code, phone, linkage, active)
                values (?, ?, ?, ?, ?, ?, ?, true)""")
                .params(code, name, kind.name(), parentId, areaCode, phone, linkage).update();
        departmentsChanged();
        return departmentByCode(code).map(Department::id).orElseThrow();
    }

    void updateDepartment(long id, String name, Long parentId, String areaCode, String phone, boolean linkage,
            boolean active) {
        jdbc.sql("""
                update directory_department set name = ?, parent_id = ?, area_code = ?, phone = ?, linkage = ?, active = ?
                where id = ?""").params(name, parentId, areaCode, phone, linkage, active, id).update();
        departmentsChanged();
    }

    void departmentsChanged() {
        forgetDepartments();
        changes.announce(TOPIC);
    }

    private void forgetDepartments() {
        byId.clear();
        byCode.clear();
    }

    void insertArea(Area area) {
        jdbc.sql("insert into directory_area (code, name, level, parent_code) values (?, ?, ?, ?)")
                .params(area.code(), area.name(), area.level(), area.parentCode()).update();
    }

    long count(String table) {
        Objects.requireNonNull(table);
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private static Department department(ResultSet rs, int row) throws SQLException {
        return new Department(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                DepartmentKind.valueOf(rs.getString("kind")), rs.getObject("parent_id", Long.class),
                rs.getString("area_code"), rs.getString("phone"), rs.getBoolean("linkage"), rs.getBoolean("active"));
    }

    private static Area area(ResultSet rs, int row) throws SQLException {
        return new Area(rs.getString("code"), rs.getString("name"), rs.getString("level"),
                rs.getString("parent_code"));
    }
}
