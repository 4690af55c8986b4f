package cn.civicloop.directory.web;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.civicloop.shared.web.RefusalText;
import cn.civicloop.directory.Directory;
import cn.civicloop.directory.DirectoryAdministration;
import cn.civicloop.directory.DirectoryAdministration.StaffMember;
import cn.civicloop.directory.Role;
import cn.civicloop.shared.Phrase;
import cn.civicloop.shared.DomainException;
import cn.civicloop.shared.NotFoundException;
import cn.civicloop.shared.web.FormValues;
import jakarta.servlet.http.HttpServletResponse;

/** Staff accounts and their roles (人员管理). Owner role: SECURITY_ADMIN (三员分立, see DirectoryEndpoints). */
@Controller
class AdminStaffController {

    static final List<Role> STAFF_ROLES = List.of(Role.OPERATOR, Role.TRIAGE_OFFICER, Role.HANDLER, Role.DEPT_HEAD,
            Role.LEADER, Role.POLICE_DISPATCHER, Role.POLICE_OFFICER, Role.ROAD_CHIEF, Role.GRID_WORKER, Role.ADMIN,
            Role.SECURITY_ADMIN, Role.AUDIT_ADMIN);

    private final Directory directory;
    private final DirectoryAdministration admin;

    AdminStaffController(Directory directory, DirectoryAdministration admin) {
        this.directory = directory;
        this.admin = admin;
    }

    @GetMapping("/admin/staff")
    String list(Model model) {
        return show(model, null, new FormValues(Map.of()), Set.of());
    }

    @GetMapping("/admin/staff/{id}")
    String edit(@PathVariable long id, Model model) {
        StaffMember s = member(id);
        Map<String, String> v = new HashMap<>();
        v.put("displayName", s.displayName());
        v.put("departmentId", s.departmentId() == null ? "" : s.departmentId().toString());
        v.put("phone", s.phone() == null ? "" : s.phone());
        v.put("active", s.active() ? "on" : "");
        return show(model, s, new FormValues(v), s.roles());
    }

    @PostMapping("/admin/staff")
    String create(@RequestParam Map<String, String> params,
            @RequestParam(name = "roles", required = false) List<String> roleNames, Model model,
            RedirectAttributes flash, HttpServletResponse response, java.security.Principal principal) {
        FormValues form = new FormValues(params);
        Set<Role> roles = roles(roleNames, form);
        try {
            Long department = form.number("departmentId");
            form.throwIfInvalid();
            StaffMember s = admin.createStaff(StaffAdministrators.actor(directory, principal), new DirectoryAdministration.NewStaff(form.text("username"),
                    form.text("displayName"), params.get("password"), department, form.text("phone"), roles));
            flash.addFlashAttribute("saved", s.displayName());
            return "redirect:/admin/staff";
        } catch (DomainException | DataIntegrityViolationException e) {
            form.refused(e);
            form.values().remove("password");
            response.setStatus(FormValues.status(e));
            return show(model, null, form, roles);
        }
    }

    @PostMapping("/admin/staff/{id}")
    String update(@PathVariable long id, @RequestParam Map<String, String> params,
            @RequestParam(name = "roles", required = false) List<String> roleNames, Model model,
            RedirectAttributes flash, HttpServletResponse response, java.security.Principal principal) {
        StaffMember existing = member(id);
        FormValues form = new FormValues(params);
        Set<Role> roles = roles(roleNames, form);
        try {
            Long department = form.number("departmentId");
            form.throwIfInvalid();
            StaffMember s = admin.updateStaff(StaffAdministrators.actor(directory, principal), id, new DirectoryAdministration.StaffChange(form.text("displayName"),
                    department, form.text("phone"), form.checked("active"), roles));
            flash.addFlashAttribute("saved", s.displayName());
            return "redirect:/admin/staff";
        } catch (DomainException | DataIntegrityViolationException e) {
            form.refused(e);
            response.setStatus(FormValues.status(e));
            return show(model, existing, form, roles);
        }
    }

    @PostMapping("/admin/staff/{id}/password")
    String password(@PathVariable long id, @RequestParam(defaultValue = "") String password, Model model,
            RedirectAttributes flash, HttpServletResponse response, java.security.Principal principal) {
        StaffMember existing = member(id);
        try {
            admin.changePassword(StaffAdministrators.actor(directory, principal), id, password);
            flash.addFlashAttribute("saved", existing.displayName());
            return "redirect:/admin/staff";
        } catch (DomainException | DataIntegrityViolationException e) {
            FormValues form = new FormValues(Map.of("displayName", existing.displayName()));
            form.refused(e);
            response.setStatus(FormValues.status(e));
            return show(model, existing, form, existing.roles());
        }
    }

    private StaffMember member(long id) {
        return admin.staffMember(id).orElseThrow(() -> new NotFoundException(
                Phrase.of("problem.directory.no-such-staff-member", "没有该人员")));
    }

    private static Set<Role> roles(List<String> names, FormValues form) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String n : names == null ? List.<String>of() : names) {
            STAFF_ROLES.stream().filter(r -> r.name().equals(n)).findFirst().ifPresentOrElse(roles::add,
                    () -> form.errors().putIfAbsent("roles",
                            RefusalText.of(Phrase.of("problem.directory.not-a-staff-role", "无效的角色：{0}", n))));
        }
        return roles;
    }

    private String show(Model model, StaffMember editing, FormValues form, Set<Role> checkedRoles) {
        model.addAttribute("staff", admin.staff());
        model.addAttribute("departments", directory.departments());
        model.addAttribute("departmentNames", directory.departments().stream()
                .collect(java.util.stream.Collectors.toMap(d -> d.id(), d -> d.name())));
        model.addAttribute("roles", STAFF_ROLES);
        model.addAttribute("checkedRoles", checkedRoles);
        model.addAttribute("editing", editing);
        model.addAttribute("values", form.values());
        model.addAttribute("errors", form.errors());
        return "directory/admin-staff";
    }
}
