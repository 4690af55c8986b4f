package cn.civicloop.directory.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.civicloop.directory.Actor;
import cn.civicloop.directory.Department;
import cn.civicloop.directory.DirectoryAdministration;
import cn.civicloop.directory.Role;
import cn.civicloop.shared.AuditTrail;
import cn.civicloop.shared.Phrase;
import cn.civicloop.shared.ConflictException;
import cn.civicloop.shared.ForbiddenException;
import cn.civicloop.shared.DomainException.FieldProblem;
import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.shared.NotFoundException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/** {@link DirectoryAdministration}: the rules of directory administration, used by the admin pages and the JSON admin API. */
@Service
class DirectoryAdministrationService implements DirectoryAdministration {

    /** Audit actions: a department (configuration of the system administrator), an account (security administrator). */
    static final String CONFIG_CHANGE = "CONFIG_CHANGE";
    static final String STAFF_ACCOUNT = "STAFF_ACCOUNT";

    private final DirectoryStore store;
    private final StaffAccounts staff;
    private final PasswordEncoder encoder;
    private final Validator validator;
    private final AuditTrail audit;

    DirectoryAdministrationService(DirectoryStore store, StaffAccounts staff, PasswordEncoder encoder,
            Validator validator, AuditTrail audit) {
        this.audit = audit;
        this.store = store;
        this.staff = staff;
        this.encoder = encoder;
        this.validator = validator;
    }

    @Override
    public List<StaffMember> staff() {
        return staff.all().stream().map(DirectoryAdministrationService::member).toList();
    }

    @Override
    public Optional<StaffMember> staffMember(long id) {
        return staff.find(id).map(DirectoryAdministrationService::member);
    }

    @Override
    @Transactional
    public Department createDepartment(NewDepartment d) {
        valid(d);
        if (store.departmentByCode(d.code()).isPresent()) {
            throw new ConflictException(
                    Phrase.of("problem.directory.department-code-already-exists", "部门编码已存在：{0}", d.code()));
        }
        checkParentAndArea(d.parentId(), d.areaCode(), null);
        long id = store.insertDepartment(d.code(), d.name().strip(), d.kind(), d.parentId(), d.areaCode(), d.phone(),
                d.linkage());
        Department created = store.department(id).orElseThrow();
        audit.change(CONFIG_CHANGE, "department " + created.code(), null, created);
        return created;
    }

    @Override
    @Transactional
    public Department updateDepartment(long id, DepartmentChange d) {
        Department before = store.department(id).orElseThrow(() -> new NotFoundException(
                Phrase.of("problem.directory.no-such-department", "没有该部门")));
        valid(d);
        checkParentAndArea(d.parentId(), d.areaCode(), id);
        store.updateDepartment(id, d.name().strip(), d.parentId(), d.areaCode(), d.phone(), d.linkage(), d.active());
        Department after = store.department(id).orElseThrow();
        audit.change(CONFIG_CHANGE, "department " + after.code(), before, after);
        return after;
    }

    @Override
    @Transactional
    public StaffMember createStaff(Actor by, NewStaff s) {
        securityAdministrator(by);
        valid(s);
        if (staff.usernameTaken(s.username())) {
            throw new ConflictException(
                    Phrase.of("problem.directory.username-already-exists", "用户名已存在：{0}", s.username()));
        }
        checkStaffRoles(s.roles(), s.departmentId());
        staff.checkPolicy("password", s.password());
        long id = staff.insert(s.username(), s.displayName().strip(), encoder.encode(s.password()), s.departmentId(),
                s.phone(), s.roles(), staff.firstLoginChange());
        StaffMember created = staffMember(id).orElseThrow();
        audit.change(STAFF_ACCOUNT, created.username(), null, summary(created));
        return created;
    }

    @Override
    @Transactional
    public StaffMember updateStaff(Actor by, long id, StaffChange s) {
        securityAdministrator(by);
        StaffMember before = staffMember(id).orElseThrow(() -> new NotFoundException(
                Phrase.of("problem.directory.no-such-staff-member", "没有该人员")));
        valid(s);
        checkStaffRoles(s.roles(), s.departmentId());
        boolean accessChanges = !before.roles().equals(s.roles()) || before.active() != s.active()
                || !java.util.Objects.equals(before.departmentId(), s.departmentId());
        if (accessChanges && by.staffId() != null && by.staffId() == id) {
            throw new ForbiddenException(Phrase.of("problem.directory.not-own-access",
                    "不能修改自己的角色、部门或启用状态，须由另一位安全管理员办理"));
        }
        staff.update(id, s.displayName().strip(), s.departmentId(), s.phone(), s.active(), s.roles());
        StaffMember after = staffMember(id).orElseThrow();
        audit.change(STAFF_ACCOUNT, after.username(), summary(before), summary(after));
        return after;
    }

    @Override
    @Transactional
    public void changePassword(Actor by, long id, String password) {
        securityAdministrator(by);
        StaffMember member = staffMember(id).orElseThrow(() -> new NotFoundException(
                Phrase.of("problem.directory.no-such-staff-member", "没有该人员")));
        if (by.staffId() != null && by.staffId() == id) {
            throw new ForbiddenException(
                    Phrase.of("problem.directory.change-your-own-password-on-the-password", "自己的密码请在“修改密码”页面修改"));
        }
        staff.checkPolicy("password", password);
        staff.changePassword(id, encoder.encode(password), staff.firstLoginChange());
        audit.change(STAFF_ACCOUNT, member.username(), "PASSWORD_RESET", summary(member), summary(member));
    }

    /** 三员分立: only a security administrator (or the application itself) manages staff accounts. */
    private static void securityAdministrator(Actor by) {
        if (!by.has(Role.SECURITY_ADMIN) && !by.has(Role.SYSTEM)) {
            throw new ForbiddenException(
                    Phrase.of("problem.directory.only-a-security-administrator-manages-staff-accounts", "只有安全管理员可以管理人员账号和角色"));
        }
    }

    /** What the audit keeps of an account: never its password or hash, nor its phone. */
    record AccountSummary(java.util.SortedSet<String> roles, Long departmentId, boolean active) {
    }

    private static AccountSummary summary(StaffMember m) {
        return new AccountSummary(new java.util.TreeSet<>(m.roles().stream().map(Role::name).toList()),
                m.departmentId(), m.active());
    }

    private <T> void valid(T form) {
        List<FieldProblem> problems = new ArrayList<>();
        for (ConstraintViolation<T> v : validator.validate(form)) {
            problems.add(new FieldProblem(v.getPropertyPath().toString(), v.getMessage()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(
                    Phrase.of("problem.shared.correct-marked-fields", "输入有误，请检查标出的字段"), problems);
        }
    }

    private void checkParentAndArea(Long parentId, String areaCode, Long self) {
        if (parentId != null) {
            store.department(parentId).orElseThrow(() -> new InvalidInputException("parentId",
                    Phrase.of("problem.directory.no-such-parent", "上级部门不存在")));
            if (self != null && store.isWithin(parentId, self)) {
                throw new InvalidInputException("parentId",
                        Phrase.of("problem.directory.would-create-a-cycle", "不能把部门挂到自己的下级"));
            }
        }
        if (areaCode != null && store.area(areaCode).isEmpty()) {
            throw new InvalidInputException("areaCode", Phrase.of("problem.directory.no-such-area", "区域编码不存在"));
        }
    }

    private void checkStaffRoles(Set<Role> roles, Long departmentId) {
        // an Open311 client is an outside system with its own key (module open311), never a person's role
        if (roles.contains(Role.RESIDENT) || roles.contains(Role.SYSTEM) || roles.contains(Role.OPEN311_CLIENT)) {
            throw new InvalidInputException("roles",
                    Phrase.of("problem.directory.not-staff-roles", "RESIDENT、SYSTEM 和 OPEN311_CLIENT 不能分配给员工"));
        }
        if (departmentId != null && store.department(departmentId).isEmpty()) {
            throw new InvalidInputException("departmentId", Phrase.of("problem.directory.unknown-department", "部门不存在"));
        }
        if (roles.stream().anyMatch(Role::administrator) && roles.size() > 1) {
            throw new InvalidInputException("roles", Phrase.of("problem.directory.administrators-alone",
                    "系统管理员、安全管理员、审计管理员三员分立：管理员角色不能与任何其他角色同时持有"));
        }
        boolean needsDepartment = roles.contains(Role.HANDLER) || roles.contains(Role.DEPT_HEAD);
        if (needsDepartment && departmentId == null) {
            throw new InvalidInputException("departmentId",
                    Phrase.of("problem.directory.handlers-need-a-department", "承办人和负责人必须属于一个部门"));
        }
    }

    private static StaffMember member(StaffAccounts.StaffView v) {
        return new StaffMember(v.id(), v.username(), v.displayName(), v.departmentId(), v.phone(), v.active(),
                v.roles());
    }
}
