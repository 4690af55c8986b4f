package cn.civicloop.directory.web;

import java.util.List;
import java.util.Set;

import org.springframework.http.HttpStatus;
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
import cn.civicloop.directory.Directory;
import cn.civicloop.directory.DirectoryAdministration;
import cn.civicloop.directory.DirectoryAdministration.StaffMember;
import cn.civicloop.directory.Role;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Admins edit departments and staff over JSON (owner role: ADMIN, see DirectoryEndpoints). The rules
 * live in {@link DirectoryAdministration}, which the admin pages use too; this class only maps the JSON bodies,
 * whose optional flags may be left out.
 */
@RestController
@RequestMapping("/api/v1/admin")
@Tag(name = "admin", description = "Directory administration (ADMIN only)")
class DirectoryAdminController {

    private final Directory directory;
    private final DirectoryAdministration administration;

    DirectoryAdminController(Directory directory, DirectoryAdministration administration) {
        this.directory = directory;
        this.administration = administration;
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
        return directory.departments();
    }

    @PostMapping("/departments")
    @ResponseStatus(HttpStatus.CREATED)
    Department createDepartment(@Valid @RequestBody NewDepartment d) {
        return administration.createDepartment(new DirectoryAdministration.NewDepartment(d.code(), d.name(), d.kind(),
                d.parentId(), d.areaCode(), d.phone(), Boolean.TRUE.equals(d.linkage())));
    }

    @PutMapping("/departments/{id}")
    Department updateDepartment(@PathVariable long id, @Valid @RequestBody DepartmentChange d) {
        return administration.updateDepartment(id, new DirectoryAdministration.DepartmentChange(d.name(), d.parentId(),
                d.areaCode(), d.phone(), Boolean.TRUE.equals(d.linkage()), d.active()));
    }

    @GetMapping("/staff")
    List<StaffMember> staff() {
        return administration.staff();
    }

    @PostMapping("/staff")
    @ResponseStatus(HttpStatus.CREATED)
    StaffMember createStaff(@Valid @RequestBody NewStaff s, java.security.Principal principal) {
        return administration.createStaff(StaffAdministrators.actor(directory, principal), new DirectoryAdministration.NewStaff(s.username(), s.displayName(),
                s.password(), s.departmentId(), s.phone(), s.roles()));
    }

    @PutMapping("/staff/{id}")
    StaffMember updateStaff(@PathVariable long id, @Valid @RequestBody StaffChange s,
            java.security.Principal principal) {
        return administration.updateStaff(StaffAdministrators.actor(directory, principal), id, new DirectoryAdministration.StaffChange(s.displayName(),
                s.departmentId(), s.phone(), s.active(), s.roles()));
    }

    @PutMapping("/staff/{id}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(@PathVariable long id, @Valid @RequestBody PasswordChange p,
            java.security.Principal principal) {
        administration.changePassword(StaffAdministrators.actor(directory, principal), id, p.password());
    }
}
