package cn.civicloop.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.civicloop.directory.Actor;
import cn.civicloop.directory.Actors;

/** Home, login and the staff landing page (owner: public for home and login, any staff for the workbench). */
@Controller
class ShellController {

    @GetMapping("/")
    String home() {
        return "home";
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/workbench")
    String workbench(Model model) {
        Actor actor = Actors.current();
        model.addAttribute("actor", actor);
        return "workbench";
    }
}
