package cn.civicloop.directory.internal;

import java.util.List;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.civicloop.directory.Department;
import cn.civicloop.directory.DepartmentKind;
import cn.civicloop.directory.Role;
import cn.civicloop.shared.ConflictException;
import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.shared.NotFoundException;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Admins edit departments and staff (owner role: ADMIN, enforced by the API security chain). */
@RestController
@RequestMapping("/api/v1/admin")
@Tag(name = "admin", description = "目录管理 (directory administration, ADMIN only)")
class DirectoryAdminController {

    private final DirectoryStore store;
    private final StaffAccounts staff;
    private final PasswordEncoder encoder;

    DirectoryAdminController(DirectoryStore store, StaffAccounts staff, PasswordEncoder encoder) {
        this.store = store;
        this.staff = staff;
        this.encoder = encoder;
    }

    record NewDepartment(@NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9-]+") String code,
            @NotBlank @Size(max = 100) String name, @NotNull DepartmentKind kind, Long parentId,
            @Size(max = 20) String areaCode, @Size(max = 40) String phone, Boolean linkage) {
    }

    record DepartmentChange(@NotBlank @Size(max = 100) String name, Long parentId, @Size(max = 20) String areaCode,
            @Size(max = 40) String phone, Boolean linkage, @NotNull Boolean active) {
    }

    record NewStaff(@NotBlank @Size(max = 60) @Pattern(regexp = "[A-Za-z0-9._-]+") String username,
            @NotBlank @Size(max = 60) String displayName, @NotBlank @Size(min = 8, max = 200) String password,
            Long departmentId, @Size(max = 40) String phone, @NotEmpty Set<Role> roles) {
    }

    record StaffChange(@NotBlank @Size(max = 60) String displayName, Long departmentId,
            @Size(max = 40) String phone, @NotNull Boolean active, @NotEmpty Set<Role> roles) {
    }

    record PasswordChange(@NotBlank @Size(min = 8, max = 200) String password) {
    }

    @GetMapping("/departments")
    List<Department> departments() {
        return store.departments();
    }

    @PostMapping("/departments")
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    Department createDepartment(@Valid @RequestBody NewDepartment d) {
        if (store.departmentByCode(d.code()).isPresent()) {
            throw new ConflictException("部门编码已存在 (department code already exists): " + d.code());
        }
        checkParentAndArea(d.parentId(), d.areaCode(), null);
        long id = store.insertDepartment(d.code(), d.name(), d.kind(), d.parentId(), d.areaCode(), d.phone(),
                Boolean.TRUE.equals(d.linkage()));
        return store.department(id).orElseThrow();
    }

    @PutMapping("/departments/{id}")
    @Transactional
    Department updateDepartment(@PathVariable long id, @Valid @RequestBody DepartmentChange d) {
        store.department(id).orElseThrow(() -> new NotFoundException("没有该部门 (no such department)"));
        checkParentAndArea(d.parentId(), d.areaCode(), id);
        store.updateDepartment(id, d.name(), d.parentId(), d.areaCode(), d.phone(), Boolean.TRUE.equals(d.linkage()),
                d.active());
        return store.department(id).orElseThrow();
    }

    @GetMapping("/staff")
    List<StaffAccounts.StaffView> staff() {
        return staff.all();
    }

    @PostMapping("/staff")
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    StaffAccounts.StaffView createStaff(@Valid @RequestBody NewStaff s) {
        if (staff.usernameTaken(s.username())) {
            throw new ConflictException("用户名已存在 (username already exists): " + s.username());
        }
        checkStaffRoles(s.roles(), s.departmentId());
        long id = staff.insert(s.username(), s.displayName(), encoder.encode(s.password()), s.departmentId(),
                s.phone(), s.roles());
        return staff.find(id).orElseThrow();
    }

    @PutMapping("/staff/{id}")
    @Transactional
    StaffAccounts.StaffView updateStaff(@PathVariable long id, @Valid @RequestBody StaffChange s) {
        staff.find(id).orElseThrow(() -> new NotFoundException("没有该人员 (no such staff member)"));
        checkStaffRoles(s.roles(), s.departmentId());
        staff.update(id, s.displayName(), s.departmentId(), s.phone(), s.active(), s.roles());
        return staff.find(id).orElseThrow();
    }

    @PutMapping("/staff/{id}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Transactional
    void changePassword(@PathVariable long id, @Valid @RequestBody PasswordChange p) {
        staff.find(id).orElseThrow(() -> new NotFoundException("没有该人员 (no such staff member)"));
        staff.changePassword(id, encoder.encode(p.password()));
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
}
