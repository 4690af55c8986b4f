package cn.civicloop.evaluation.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.civicloop.evaluation.Period;
import cn.civicloop.evaluation.internal.PoliceResponses;
import cn.civicloop.evaluation.internal.RoadResponses;
import cn.civicloop.security.Actors;
import cn.civicloop.shared.DistrictTime;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /evaluation/responses}: how fast the field answered in a period — the police blocks' response times per
 * priority, the road areas' whistles and the road chiefs' answers. Read live from the module's rows (not part of a
 * published version), by the evaluation office and leaders only.
 */
@Controller
class ResponseTimesPageController {

    private final PoliceResponses police;
    private final RoadResponses roads;
    private final Clock clock;

    ResponseTimesPageController(PoliceResponses police, RoadResponses roads, Clock clock) {
        this.police = police;
        this.roads = roads;
        this.clock = clock;
    }

    @GetMapping("/evaluation/responses")
    String responses(@RequestParam(required = false) String period, Model model, HttpServletResponse response) {
        if (!EvaluationAccess.readsAll(Actors.current())) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            return "evaluation/forbidden";
        }
        Period p = Period.parse(period == null || period.isBlank()
                ? YearMonth.from(LocalDate.ofInstant(clock.instant(), DistrictTime.ZONE)).toString() : period);
        model.addAttribute("period", p);
        model.addAttribute("blocks", police.figures(p));
        model.addAttribute("areas", roads.areas(p));
        model.addAttribute("chiefs", roads.chiefs(p));
        return "evaluation/responses";
    }
}
