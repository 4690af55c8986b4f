package cn.civicloop.roads.web;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.civicloop.cases.Channel;
import cn.civicloop.cases.OpenedCase;
import cn.civicloop.directory.Actor;
import cn.civicloop.security.Actors;
import cn.civicloop.directory.Role;
import cn.civicloop.roads.internal.FieldReports;
import cn.civicloop.shared.DomainException;
import cn.civicloop.shared.ForbiddenException;
import cn.civicloop.shared.Phrase;
import cn.civicloop.shared.web.Uploads;

/**
 * The entry to the road pages (each role lands on its own) and the grid workers' report page. Forms post back and
 * redirect (PRG).
 */
@Controller
class RoadPages {

    private final FieldReports fieldReports;

    RoadPages(FieldReports fieldReports) {
        this.fieldReports = fieldReports;
    }

    @GetMapping("/roads")
    String home() {
        Actor actor = Actors.current();
        if (actor.has(Role.ROAD_CHIEF)) {
            return "redirect:/roads/patrol";
        }
        if (actor.has(Role.GRID_WORKER)) {
            return "redirect:/roads/report";
        }
        return "redirect:/roads/briefing";
    }

    @GetMapping("/roads/report")
    String fieldReportForm(Model model) {
        if (!Actors.current().has(Role.GRID_WORKER)) {
            throw new ForbiddenException(Phrase.of("problem.roads.grid-workers-only", "网格员、驻村辅警专用"));
        }
        model.addAttribute("channels", List.of(Channel.GRID_WORKER, Channel.VILLAGE_AUX_POLICE));
        return "roads/report";
    }

    @PostMapping("/roads/report")
    String fieldReport(@RequestParam Map<String, String> p,
            @RequestParam(name = "photos", required = false) List<MultipartFile> photos, RedirectAttributes flash) {
        Channel channel = "VILLAGE_AUX_POLICE".equals(p.get("channel")) ? Channel.VILLAGE_AUX_POLICE : Channel.GRID_WORKER;
        try {
            OpenedCase opened = fieldReports.submit(new FieldReports.FieldReport(channel, p.get("clientRef"),
                    p.get("title"), p.get("content"), FormValues.number(p.get("lat")), FormValues.number(p.get("lon")),
                    p.get("address")), Uploads.of(photos), Actors.current());
            flash.addFlashAttribute("opened", opened);
        } catch (DomainException e) {
            flash.addFlashAttribute("error", cn.civicloop.shared.web.RefusalText.of(e));
        }
        return "redirect:/roads/report";
    }
}
