package cn.civicloop.directory.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.civicloop.directory.Department;
import cn.civicloop.directory.DirectoryAdministration;
import cn.civicloop.directory.Role;
import cn.civicloop.shared.ConflictException;
import cn.civicloop.shared.DomainException.FieldProblem;
import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.shared.NotFoundException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/** {@link DirectoryAdministration}: the rules of directory administration, used by the admin pages and the JSON admin API. */
@Service
class DirectoryAdministrationService implements DirectoryAdministration {

    private final DirectoryStore store;
    private final StaffAccounts staff;
    private final PasswordEncoder encoder;
    private final Validator validator;

    DirectoryAdministrationService(DirectoryStore store, StaffAccounts staff, PasswordEncoder encoder,
            Validator validator) {
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
            throw new ConflictException("部门编码已存在 (department code already exists): " + d.code());
        }
        checkParentAndArea(d.parentId(), d.areaCode(), null);
        long id = store.insertDepartment(d.code(), d.name().strip(), d.kind(), d.parentId(), d.areaCode(), d.phone(),
                d.linkage());
        return store.department(id).orElseThrow();
    }

    @Override
    @Transactional
    public Department updateDepartment(long id, DepartmentChange d) {
        store.department(id).orElseThrow(() -> new NotFoundException("没有该部门 (no such department)"));
        valid(d);
        checkParentAndArea(d.parentId(), d.areaCode(), id);
        store.updateDepartment(id, d.name().strip(), d.parentId(), d.areaCode(), d.phone(), d.linkage(), d.active());
        return store.department(id).orElseThrow();
    }

    @Override
    @Transactional
    public StaffMember createStaff(NewStaff s) {
        valid(s);
        if (staff.usernameTaken(s.username())) {
            throw new ConflictException("用户名已存在 (username already exists): " + s.username());
        }
        checkStaffRoles(s.roles(), s.departmentId());
        long id = staff.insert(s.username(), s.displayName().strip(), encoder.encode(s.password()), s.departmentId(),
                s.phone(), s.roles());
        return staffMember(id).orElseThrow();
    }

    @Override
    @Transactional
    public StaffMember updateStaff(long id, StaffChange s) {
        staff.find(id).orElseThrow(() -> new NotFoundException("没有该人员 (no such staff member)"));
        valid(s);
        checkStaffRoles(s.roles(), s.departmentId());
        staff.update(id, s.displayName().strip(), s.departmentId(), s.phone(), s.active(), s.roles());
        return staffMember(id).orElseThrow();
    }

    @Override
    @Transactional
    public void changePassword(long id, String password) {
        staff.find(id).orElseThrow(() -> new NotFoundException("没有该人员 (no such staff member)"));
        if (password == null || password.isBlank() || password.length() < 8 || password.length() > 200) {
            throw new InvalidInputException("password", "密码长度须为 8–200 个字符 (8 to 200 characters)");
        }
        staff.changePassword(id, encoder.encode(password), false);
    }

    private <T> void valid(T form) {
        List<FieldProblem> problems = new ArrayList<>();
        for (ConstraintViolation<T> v : validator.validate(form)) {
            problems.add(new FieldProblem(v.getPropertyPath().toString(), v.getMessage()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("输入有误，请检查标出的字段 (please correct the marked fields)", problems);
        }
    }

    private void checkParentAndArea(Long parentId, String areaCode, Long self) {
        if (parentId != null) {
            store.department(parentId).orElseThrow(() -> new InvalidInputException("parentId", "上级部门不存在 (no such parent)"));
            if (self != null && store.isWithin(parentId, self)) {
                throw new InvalidInputException("parentId", "不能把部门挂到自己的下级 (would create a cycle)");
            }
        }
        if (areaCode != null && store.area(areaCode).isEmpty()) {
            throw new InvalidInputException("areaCode", "区域编码不存在 (no such area)");
        }
    }

    private void checkStaffRoles(Set<Role> roles, Long departmentId) {
        if (roles.contains(Role.RESIDENT) || roles.contains(Role.SYSTEM)) {
            throw new InvalidInputException("roles", "RESIDENT 和 SYSTEM 不能分配给员工 (not staff roles)");
        }
        if (departmentId != null && store.department(departmentId).isEmpty()) {
            throw new InvalidInputException("departmentId", "部门不存在 (no such department)");
        }
        boolean needsDepartment = roles.contains(Role.HANDLER) || roles.contains(Role.DEPT_HEAD);
        if (needsDepartment && departmentId == null) {
            throw new InvalidInputException("departmentId", "承办人和负责人必须属于一个部门 (handlers need a department)");
        }
    }

    private static StaffMember member(StaffAccounts.StaffView v) {
        return new StaffMember(v.id(), v.username(), v.displayName(), v.departmentId(), v.phone(), v.active(),
                v.roles());
    }
}
