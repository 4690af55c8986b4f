package cn.civicloop.directory;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Admin commands on departments (the system administrator's, role ADMIN) and staff accounts (the security
 * administrator's, role SECURITY_ADMIN: 三员分立). The web layer checks the owner role; the staff commands check it
 * again on their {@code by} actor and refuse a change of one's own account. Each command validates its input and
 * refuses with a {@link cn.civicloop.shared.DomainException} naming the field; nothing is changed then. Every command
 * is audited with the department or account before and after ({@link cn.civicloop.shared.AuditTrail#change}).
 */
public interface DirectoryAdministration {

    List<StaffMember> staff();

    Optional<StaffMember> staffMember(long id);

    Department createDepartment(NewDepartment department);

    Department updateDepartment(long id, DepartmentChange change);

    StaffMember createStaff(Actor by, NewStaff staff);

    StaffMember updateStaff(Actor by, long id, StaffChange change);

    /** A security administrator resets someone else's password. */
    void changePassword(Actor by, long staffId, String password);

    /** A staff account as admins see it (never with the password hash). */
    record StaffMember(long id, String username, String displayName, Long departmentId, String phone, boolean active,
            Set<Role> roles) {
    }

    record NewDepartment(@NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9-]+") String code,
            @NotBlank @Size(max = 100) String name, @NotNull DepartmentKind kind, Long parentId,
            @Size(max = 20) String areaCode, @Size(max = 40) String phone, boolean linkage) {
    }

    record DepartmentChange(@NotBlank @Size(max = 100) String name, Long parentId, @Size(max = 20) String areaCode,
            @Size(max = 40) String phone, boolean linkage, boolean active) {
    }

    record NewStaff(@NotBlank @Size(max = 60) @Pattern(regexp = "[A-Za-z0-9._-]+") String username,
            @NotBlank @Size(max = 60) String displayName, @NotBlank @Size(min = 8, max = 200) String password,
            Long departmentId, @Size(max = 40) String phone, @NotEmpty Set<Role> roles) {
    }

    record StaffChange(@NotBlank @Size(max = 60) String displayName, Long departmentId, @Size(max = 40) String phone,
            boolean active, @NotEmpty Set<Role> roles) {
    }
}
