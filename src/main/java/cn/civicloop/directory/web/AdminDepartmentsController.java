package cn.civicloop.directory.web;

import java.util.Map;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.civicloop.directory.Department;
import cn.civicloop.directory.DepartmentKind;
import cn.civicloop.directory.Directory;
import cn.civicloop.directory.DirectoryAdministration;
import cn.civicloop.shared.Phrase;
import cn.civicloop.shared.DomainException;
import cn.civicloop.shared.NotFoundException;
import cn.civicloop.shared.web.FormValues;
import jakarta.servlet.http.HttpServletResponse;

/** Departments and units (部门管理). Owner role: ADMIN (see DirectoryEndpoints). */
@Controller
class AdminDepartmentsController {

    private final Directory directory;
    private final DirectoryAdministration admin;

    AdminDepartmentsController(Directory directory, DirectoryAdministration admin) {
        this.directory = directory;
        this.admin = admin;
    }

    @GetMapping("/admin/departments")
    String list(Model model) {
        return show(model, null, new FormValues(Map.of("kind", DepartmentKind.FUNCTIONAL.name())));
    }

    @GetMapping("/admin/departments/{id}")
    String edit(@PathVariable long id, Model model) {
        Department d = directory.department(id).orElseThrow(() -> new NotFoundException(
                Phrase.of("problem.directory.no-such-department", "没有该部门")));
        Map<String, String> v = new java.util.HashMap<>();
        v.put("name", d.name());
        v.put("parentId", d.parentId() == null ? "" : d.parentId().toString());
        v.put("areaCode", d.areaCode() == null ? "" : d.areaCode());
        v.put("phone", d.phone() == null ? "" : d.phone());
        v.put("linkage", d.linkage() ? "on" : "");
        v.put("active", d.active() ? "on" : "");
        return show(model, d, new FormValues(v));
    }

    @PostMapping("/admin/departments")
    String create(@RequestParam Map<String, String> params, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        FormValues form = new FormValues(params);
        try {
            DepartmentKind kind = form.choice("kind", DepartmentKind.class);
            Long parent = form.number("parentId");
            form.throwIfInvalid();
            Department d = admin.createDepartment(new DirectoryAdministration.NewDepartment(form.text("code"),
                    form.text("name"), kind, parent, form.text("areaCode"), form.text("phone"), form.checked("linkage")));
            flash.addFlashAttribute("saved", d.name());
            return "redirect:/admin/departments";
        } catch (DomainException | DataIntegrityViolationException e) {
            form.refused(e);
            response.setStatus(FormValues.status(e));
            return show(model, null, form);
        }
    }

    @PostMapping("/admin/departments/{id}")
    String update(@PathVariable long id, @RequestParam Map<String, String> params, Model model,
            RedirectAttributes flash, HttpServletResponse response) {
        Department existing = directory.department(id)
                .orElseThrow(() -> new NotFoundException(Phrase.of("problem.directory.no-such-department", "没有该部门")));
        FormValues form = new FormValues(params);
        try {
            Long parent = form.number("parentId");
            form.throwIfInvalid();
            Department d = admin.updateDepartment(id, new DirectoryAdministration.DepartmentChange(form.text("name"),
                    parent, form.text("areaCode"), form.text("phone"), form.checked("linkage"), form.checked("active")));
            flash.addFlashAttribute("saved", d.name());
            return "redirect:/admin/departments";
        } catch (DomainException | DataIntegrityViolationException e) {
            form.refused(e);
            response.setStatus(FormValues.status(e));
            return show(model, existing, form);
        }
    }

    private String show(Model model, Department editing, FormValues form) {
        model.addAttribute("departments", directory.departments());
        model.addAttribute("streets", directory.areas("STREET"));
        model.addAttribute("kinds", DepartmentKind.values());
        model.addAttribute("editing", editing);
        model.addAttribute("values", form.values());
        model.addAttribute("errors", form.errors());
        return "directory/admin-departments";
    }
}
