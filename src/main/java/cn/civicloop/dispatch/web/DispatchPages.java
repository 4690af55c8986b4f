package cn.civicloop.dispatch.web;

import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.civicloop.directory.Role;
import cn.civicloop.dispatch.IncidentType;
import cn.civicloop.dispatch.internal.FieldTerminal;
import cn.civicloop.security.Actors;

/**
 * The 110 desk, the command map (POLICE_DISPATCHER; LEADER reads) and the unit's phone page (POLICE_OFFICER).
 * Each page carries the dispatch labels of its language for its script ({@link PageLabels}).
 */
@Controller
class DispatchPages {

    private final FieldTerminal terminal;
    private final PageLabels labels;

    DispatchPages(FieldTerminal terminal, PageLabels labels) {
        this.terminal = terminal;
        this.labels = labels;
    }

    @GetMapping("/dispatch")
    String desk(Model model, Locale locale) {
        model.addAttribute("types", IncidentType.values());
        model.addAttribute("canCommand", Actors.current().has(Role.POLICE_DISPATCHER));
        model.addAttribute("labels", labels.json(locale));
        return "dispatch/desk";
    }

    @GetMapping("/dispatch/map")
    String map(Model model, Locale locale) {
        model.addAttribute("labels", labels.json(locale));
        return "dispatch/map";
    }

    @GetMapping("/terminal")
    String terminal(Model model, Locale locale) {
        model.addAttribute("unit", terminal.unitOf(Actors.current()));
        model.addAttribute("labels", labels.json(locale));
        return "dispatch/terminal";
    }
}
