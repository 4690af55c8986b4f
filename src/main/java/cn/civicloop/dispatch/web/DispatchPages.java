package cn.civicloop.dispatch.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.civicloop.directory.Role;
import cn.civicloop.dispatch.IncidentType;
import cn.civicloop.dispatch.internal.FieldTerminal;
import cn.civicloop.security.Actors;

/** The 110 desk, the command map (POLICE_DISPATCHER; LEADER reads) and the unit's phone page (POLICE_OFFICER). */
@Controller
class DispatchPages {

    private final FieldTerminal terminal;

    DispatchPages(FieldTerminal terminal) {
        this.terminal = terminal;
    }

    @GetMapping("/dispatch")
    String desk(Model model) {
        model.addAttribute("types", IncidentType.values());
        model.addAttribute("canCommand", Actors.current().has(Role.POLICE_DISPATCHER));
        return "dispatch/desk";
    }

    @GetMapping("/dispatch/map")
    String map() {
        return "dispatch/map";
    }

    @GetMapping("/terminal")
    String terminal(Model model) {
        model.addAttribute("unit", terminal.unitOf(Actors.current()));
        return "dispatch/terminal";
    }
}
