package cn.civicloop.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.civicloop.directory.Actor;
import cn.civicloop.security.Actors;

/** Home and the staff landing page (owner: public for home, any staff for the workbench). */
@Controller
class ShellController {

    @GetMapping("/")
    String home() {
        return "home";
    }

    @GetMapping("/workbench")
    String workbench(Model model) {
        Actor actor = Actors.current();
        model.addAttribute("actor", actor);
        return "workbench";
    }
}
