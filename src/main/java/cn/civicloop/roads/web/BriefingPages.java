package cn.civicloop.roads.web;

import java.time.Clock;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.civicloop.shared.AuditTrail;
import cn.civicloop.security.Actors;
import cn.civicloop.roads.internal.Briefings;
import cn.civicloop.roads.internal.Chiefs;
import cn.civicloop.roads.internal.Patrols;

/** The weekly briefing (定期通报) page and its .xlsx file: first/second-level chiefs, leaders and admins. */
@Controller
class BriefingPages {

    private final Chiefs chiefs;
    private final Briefings briefings;
    private final Patrols patrols;
    private final Clock clock;
    private final AuditTrail audit;
    private final MessageSource messages;

    BriefingPages(Chiefs chiefs, Briefings briefings, Patrols patrols, Clock clock, AuditTrail audit,
            MessageSource messages) {
        this.messages = messages;
        this.audit = audit;
        this.chiefs = chiefs;
        this.briefings = briefings;
        this.patrols = patrols;
        this.clock = clock;
    }

    @GetMapping("/roads/briefing")
    String briefing(@RequestParam(required = false) String week, Model model) {
        chiefs.requireSupervisor(Actors.current());
        Briefings.Briefing b = briefings.week(BriefingDownload.monday(week, clock));
        model.addAttribute("b", b);
        model.addAttribute("previous", Briefings.weekOf(b.monday().minusWeeks(1)));
        model.addAttribute("next", Briefings.weekOf(b.monday().plusWeeks(1)));
        model.addAttribute("coverage", patrols.coverage(b.from(), b.to(), null));
        return "roads/briefing";
    }

    @GetMapping("/roads/briefing.xlsx")
    ResponseEntity<byte[]> briefingXlsx(@RequestParam(required = false) String week) {
        chiefs.requireSupervisor(Actors.current());
        return BriefingDownload.xlsx(briefings.week(BriefingDownload.monday(week, clock)), audit, messages);
    }
}
