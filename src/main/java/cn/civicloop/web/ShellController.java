package cn.civicloop.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.civicloop.directory.Actor;
import cn.civicloop.security.Actors;

/**
 * Home, the staff landing page and the admin landing (owners: public for home, any staff for the workbench, admins for
 * {@code /admin}, which opens the first admin page).
 */
@Controller
class ShellController {

    @GetMapping("/")
    String home() {
        return "web/home";
    }

    @GetMapping("/workbench")
    String workbench(Model model) {
        Actor actor = Actors.current();
        model.addAttribute("actor", actor);
        return "web/workbench";
    }

    @GetMapping("/admin")
    String admin() {
        return "redirect:/admin/departments";
    }
}
