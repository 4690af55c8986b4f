package cn.civicloop.open311.web;

import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.civicloop.open311.Open311Clients;
import cn.civicloop.security.Actors;
import cn.civicloop.shared.DomainException;
import cn.civicloop.shared.web.FormValues;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The Open311 clients on a page (Open311接入方): create one, rotate its key, switch it off or on. Owner role: ADMIN
 * (see Open311Endpoints). A key issued here is shown once, on the page that follows.
 */
@Controller
class Open311ClientsPageController {

    private final Open311Clients clients;

    Open311ClientsPageController(Open311Clients clients) {
        this.clients = clients;
    }

    @GetMapping("/admin/open311")
    String page(Model model) {
        return show(model, new FormValues(Map.of()));
    }

    @PostMapping("/admin/open311/clients")
    String create(@RequestParam Map<String, String> params, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        FormValues form = new FormValues(params);
        try {
            flash.addFlashAttribute("issued", clients.create(form.text("name"), Actors.current()));
            return "redirect:/admin/open311";
        } catch (DomainException e) {
            form.refused(e);
            response.setStatus(FormValues.status(e));
            return show(model, form);
        }
    }

    @PostMapping("/admin/open311/clients/{id}/rotate")
    String rotate(@PathVariable long id, RedirectAttributes flash) {
        flash.addFlashAttribute("issued", clients.rotate(id, Actors.current()));
        return "redirect:/admin/open311";
    }

    @PostMapping("/admin/open311/clients/{id}/active")
    String activate(@PathVariable long id, @RequestParam(defaultValue = "false") boolean active,
            RedirectAttributes flash) {
        flash.addFlashAttribute("saved", clients.setActive(id, active, Actors.current()).name());
        return "redirect:/admin/open311";
    }

    private String show(Model model, FormValues form) {
        model.addAttribute("clients", clients.clients());
        model.addAttribute("values", form.values());
        model.addAttribute("errors", form.errors());
        return "open311/admin-open311";
    }
}
