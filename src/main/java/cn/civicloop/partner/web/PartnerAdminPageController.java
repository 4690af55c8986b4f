package cn.civicloop.partner.web;

import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.civicloop.directory.Department;
import cn.civicloop.directory.Directory;
import cn.civicloop.partner.PartnerAdministration;
import cn.civicloop.security.Actors;
import cn.civicloop.shared.DomainException;
import cn.civicloop.shared.web.FormValues;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The page of the agencies' systems (合作单位接入): clients and keys, webhooks and the dead letters to replay. Owner
 * role: ADMIN (see PartnerEndpoints). A secret issued here is shown once, on the page that follows.
 */
@Controller
class PartnerAdminPageController {

    private final PartnerAdministration partners;
    private final Directory directory;

    PartnerAdminPageController(PartnerAdministration partners, Directory directory) {
        this.partners = partners;
        this.directory = directory;
    }

    @GetMapping("/admin/partner")
    String page(Model model) {
        return show(model, new FormValues(Map.of()));
    }

    @PostMapping("/admin/partner/clients")
    String create(@RequestParam Map<String, String> params, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        FormValues form = new FormValues(params);
        try {
            Long agency = form.number("departmentId");
            form.throwIfInvalid();
            var issued = partners.create(agency == null ? -1 : agency, form.text("name"), Actors.current());
            flash.addFlashAttribute("issued", issued);
            return "redirect:/admin/partner";
        } catch (DomainException e) {
            form.refused(e);
            response.setStatus(FormValues.status(e));
            return show(model, form);
        }
    }

    @PostMapping("/admin/partner/clients/{id}/keys")
    String rotate(@PathVariable long id, @RequestParam Map<String, String> params, Model model,
            RedirectAttributes flash, HttpServletResponse response) {
        FormValues form = new FormValues(params);
        try {
            Long overlap = form.number("overlapHours");
            form.throwIfInvalid();
            flash.addFlashAttribute("issued", partners.rotate(id, overlap == null ? 0 : overlap.intValue(),
                    Actors.current()));
            return "redirect:/admin/partner";
        } catch (DomainException e) {
            form.refused(e);
            response.setStatus(FormValues.status(e));
            return show(model, form);
        }
    }

    @PostMapping("/admin/partner/clients/{id}/keys/{keyId}/revoke")
    String revoke(@PathVariable long id, @PathVariable long keyId, RedirectAttributes flash) {
        var client = partners.revoke(id, keyId, Actors.current());
        flash.addFlashAttribute("saved", client.name());
        return "redirect:/admin/partner";
    }

    @PostMapping("/admin/partner/clients/{id}/webhook")
    String webhook(@PathVariable long id, @RequestParam Map<String, String> params, Model model,
            RedirectAttributes flash, HttpServletResponse response) {
        FormValues form = new FormValues(params);
        try {
            var secret = partners.setWebhook(id, form.text("url"), Actors.current());
            flash.addFlashAttribute("webhookSecret", secret);
            return "redirect:/admin/partner";
        } catch (DomainException e) {
            form.refused(e);
            response.setStatus(FormValues.status(e));
            return show(model, form);
        }
    }

    @PostMapping("/admin/partner/dead-letters/{id}/replay")
    String replay(@PathVariable long id, RedirectAttributes flash) {
        var delivery = partners.replay(id, Actors.current());
        flash.addFlashAttribute("saved", delivery.caseNumber());
        return "redirect:/admin/partner";
    }

    private String show(Model model, FormValues form) {
        model.addAttribute("clients", partners.clients());
        model.addAttribute("deadLetters", partners.deadLetters(100));
        model.addAttribute("agencies", directory.departments().stream()
                .filter(Department::linkage).filter(Department::active).toList());
        model.addAttribute("values", form.values());
        model.addAttribute("errors", form.errors());
        return "partner/admin-partner";
    }
}
