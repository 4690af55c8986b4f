package cn.civicloop.triage.web;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.civicloop.shared.web.RefusalText;
import cn.civicloop.cases.Channel;
import cn.civicloop.cases.Urgency;
import cn.civicloop.security.Actors;
import cn.civicloop.directory.Directory;
import cn.civicloop.shared.Phrase;
import cn.civicloop.shared.DomainException;
import cn.civicloop.shared.NotFoundException;
import cn.civicloop.shared.web.FormValues;
import cn.civicloop.triage.HazardLevel;
import cn.civicloop.triage.RoutingCatalogue;
import cn.civicloop.triage.RoutingCatalogue.HazardRule;
import cn.civicloop.triage.RoutingCatalogue.RoutingRule;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The routing catalogue (派单目录): its hazard and linkage rules, its routing rules, and the category tree. Owner
 * role: ADMIN (page chain guards /admin/**).
 */
@Controller
class AdminRoutingController {

    private final RoutingCatalogue catalogue;
    private final Directory directory;

    AdminRoutingController(RoutingCatalogue catalogue, Directory directory) {
        this.catalogue = catalogue;
        this.directory = directory;
    }

    @GetMapping("/admin/routing")
    String list(Model model) {
        return show(model, null, new FormValues(Map.of("priority", "100", "active", "on", "category", "*")),
                new FormValues(Map.of("active", "on")));
    }

    @GetMapping("/admin/routing/hazard-rules/{id}")
    String editHazard(@PathVariable long id, Model model) {
        HazardRule r = hazard(id);
        Map<String, String> v = new HashMap<>();
        v.put("name", r.name());
        v.put("level", r.level().name());
        v.put("patterns", r.patterns());
        v.put("excludePatterns", orEmpty(r.excludePatterns()));
        r.channels().forEach(c -> v.put("channel." + c, "on"));
        v.put("areaCode", orEmpty(r.areaCode()));
        v.put("departmentCode", r.departmentCode());
        v.put("unitCode", orEmpty(r.unitCode()));
        v.put("urgency", r.urgency().name());
        v.put("refer110", r.refer110() ? "on" : "");
        v.put("diverts", r.diverts() ? "on" : "");
        v.put("priority", Integer.toString(r.priority()));
        v.put("active", r.active() ? "on" : "");
        v.put("note", orEmpty(r.note()));
        model.addAttribute("editingHazard", r);
        model.addAttribute("hazardValues", v);
        return list(model);
    }

    @PostMapping({"/admin/routing/hazard-rules", "/admin/routing/hazard-rules/{id}"})
    String saveHazard(@PathVariable(required = false) Long id, @RequestParam Map<String, String> params, Model model,
            RedirectAttributes flash, HttpServletResponse response) {
        HazardRule existing = id == null ? null : hazard(id);
        FormValues form = new FormValues(params);
        try {
            Long priority = form.number("priority");
            HazardLevel level = form.choice("level", HazardLevel.class);
            Urgency urgency = form.choice("urgency", Urgency.class);
            form.throwIfInvalid();
            List<String> channels = Arrays.stream(Channel.values()).map(Channel::name)
                    .filter(c -> form.checked("channel." + c)).toList();
            HazardRule saved = catalogue.saveHazardRule(new HazardRule(id, form.text("name"), level,
                    form.text("patterns"), form.text("excludePatterns"), channels, form.text("areaCode"),
                    form.text("departmentCode"), form.text("unitCode"), urgency, form.checked("refer110"),
                    form.checked("diverts"), priority == null ? 100 : (int) Math.max(-1, Math.min(priority, 100_000)),
                    form.checked("active"), form.text("note")), Actors.current());
            flash.addFlashAttribute("saved", "#" + saved.id() + " " + saved.name());
            return "redirect:/admin/routing";
        } catch (DomainException | DataIntegrityViolationException e) {
            form.refused(e);
            response.setStatus(FormValues.status(e));
            model.addAttribute("editingHazard", existing);
            model.addAttribute("hazardValues", form.values());
            model.addAttribute("hazardErrors", form.errors());
            return list(model);
        }
    }

    @PostMapping("/admin/routing/hazard-rules/{id}/delete")
    String deleteHazard(@PathVariable long id, RedirectAttributes flash) {
        catalogue.deleteHazardRule(id, Actors.current());
        flash.addFlashAttribute("saved", "#" + id);
        return "redirect:/admin/routing";
    }

    @GetMapping("/admin/routing/rules/{id}")
    String edit(@PathVariable long id, Model model) {
        RoutingRule r = rule(id);
        Map<String, String> v = new HashMap<>();
        v.put("category", r.category());
        v.put("channel", orEmpty(r.channel()));
        v.put("areaCode", orEmpty(r.areaCode()));
        v.put("keywords", orEmpty(r.keywords()));
        v.put("excludeKeywords", orEmpty(r.excludeKeywords()));
        v.put("departmentCode", r.departmentCode());
        v.put("unitCode", orEmpty(r.unitCode()));
        v.put("priority", Integer.toString(r.priority()));
        v.put("active", r.active() ? "on" : "");
        v.put("note", orEmpty(r.note()));
        return show(model, r, new FormValues(v), new FormValues(Map.of("active", "on")));
    }

    @PostMapping({"/admin/routing/rules", "/admin/routing/rules/{id}"})
    String save(@PathVariable(required = false) Long id, @RequestParam Map<String, String> params, Model model,
            RedirectAttributes flash, HttpServletResponse response) {
        RoutingRule existing = id == null ? null : rule(id);
        FormValues form = new FormValues(params);
        try {
            Long priority = form.number("priority");
            form.throwIfInvalid();
            RoutingRule saved = catalogue.save(new RoutingRule(id, form.text("category"), form.text("channel"),
                    form.text("areaCode"), form.text("keywords"), form.text("excludeKeywords"),
                    form.text("departmentCode"), form.text("unitCode"),
                    priority == null ? 100 : (int) Math.max(-1, Math.min(priority, 100_000)), form.checked("active"),
                    form.text("note")), Actors.current());
            flash.addFlashAttribute("saved", "#" + saved.id() + " " + saved.category());
            return "redirect:/admin/routing";
        } catch (DomainException | DataIntegrityViolationException e) {
            form.refused(e);
            response.setStatus(FormValues.status(e));
            return show(model, existing, form, new FormValues(Map.of("active", "on")));
        }
    }

    @PostMapping("/admin/routing/rules/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes flash) {
        catalogue.delete(id, Actors.current());
        flash.addFlashAttribute("saved", "#" + id);
        return "redirect:/admin/routing";
    }

    @PostMapping("/admin/routing/categories")
    String saveCategory(@RequestParam Map<String, String> params, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        FormValues form = new FormValues(params);
        try {
            String threshold = form.text("autoThreshold");
            Double value = null;
            try {
                value = threshold == null ? null : Double.valueOf(threshold);
            } catch (NumberFormatException e) {
                form.errors().put("autoThreshold",
                        RefusalText.of(Phrase.of("problem.triage.threshold", "请输入 0–1 之间的数")));
            }
            form.throwIfInvalid();
            catalogue.saveCategory(new RoutingCatalogue.Category(form.text("name"), form.text("parent"), value,
                    form.checked("active")));
            flash.addFlashAttribute("saved", form.text("name"));
            return "redirect:/admin/routing";
        } catch (DomainException | DataIntegrityViolationException e) {
            form.refused(e);
            response.setStatus(FormValues.status(e));
            return show(model, null, new FormValues(Map.of("priority", "100", "active", "on", "category", "*")), form);
        }
    }

    private HazardRule hazard(long id) {
        return catalogue.hazardRule(id).orElseThrow(() -> new NotFoundException(
                Phrase.of("problem.triage.no-such-hazard-rule", "没有该险情规则")));
    }

    private RoutingRule rule(long id) {
        return catalogue.rule(id).orElseThrow(() -> new NotFoundException(
                Phrase.of("problem.triage.no-such-rule", "没有该派单规则")));
    }

    private String show(Model model, RoutingRule editing, FormValues rule, FormValues category) {
        model.addAttribute("rules", catalogue.rules());
        model.addAttribute("hazardRules", catalogue.hazardRules());
        model.addAttribute("levels", HazardLevel.values());
        model.addAttribute("urgencies", Urgency.values());
        if (!model.containsAttribute("hazardValues")) {
            model.addAttribute("hazardValues", Map.of("level", "LIFE", "urgency", "URGENT", "priority", "100",
                    "active", "on"));
        }
        if (!model.containsAttribute("hazardErrors")) {
            model.addAttribute("hazardErrors", Map.of());
        }
        model.addAttribute("categories", catalogue.categories());
        model.addAttribute("departments", directory.departments());
        model.addAttribute("streets", directory.areas("STREET"));
        model.addAttribute("channels", Channel.values());
        model.addAttribute("editing", editing);
        model.addAttribute("values", rule.values());
        model.addAttribute("errors", rule.errors());
        model.addAttribute("categoryValues", category.values());
        model.addAttribute("categoryErrors", category.errors());
        return "triage/admin-routing";
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
