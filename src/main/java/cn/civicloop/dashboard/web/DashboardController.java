package cn.civicloop.dashboard.web;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

import cn.civicloop.dashboard.internal.DashboardFigures;
import cn.civicloop.directory.Actor;
import cn.civicloop.directory.Role;
import cn.civicloop.security.Actors;
import cn.civicloop.shared.DistrictTime;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The district leaders' overview (领导驾驶舱). Owner roles: LEADER, OPERATOR, and TRIAGE_OFFICER of the district centre
 * (一级); everyone else gets a readable 403 page. The charts read {@code /dashboard/data} (same session).
 */
@Controller
class DashboardController {

    private final DashboardFigures figures;

    DashboardController(DashboardFigures figures) {
        this.figures = figures;
    }

    private static final DateTimeFormatter AS_OF = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(DistrictTime.ZONE);

    static boolean mayLook(Actor actor) {
        return actor.has(Role.LEADER) || actor.has(Role.OPERATOR)
                || (actor.has(Role.TRIAGE_OFFICER) && actor.districtWide());
    }

    @GetMapping("/dashboard")
    String page(Model model, Locale locale, HttpServletResponse response) {
        Actor actor = Actors.current();
        model.addAttribute("actor", actor);
        if (!mayLook(actor)) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            return "dashboard/forbidden";
        }
        // the figures every viewer shares (computed at most once per 5 s), the same the charts read
        DashboardFigures.Data data = figures.data(locale);
        model.addAttribute("kpis", data.kpis());
        model.addAttribute("departments", data.departments());
        model.addAttribute("streets", data.streets());
        model.addAttribute("asOf", AS_OF.format(data.asOf()));
        return "dashboard/overview";
    }

    @GetMapping("/dashboard/data")
    @ResponseBody
    ResponseEntity<DashboardFigures.Data> data(Locale locale) {
        if (!mayLook(Actors.current())) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        return ResponseEntity.ok(figures.data(locale));
    }
}
