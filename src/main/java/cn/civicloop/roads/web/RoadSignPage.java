package cn.civicloop.roads.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import cn.civicloop.roads.internal.Chief;
import cn.civicloop.roads.internal.RoadData;
import cn.civicloop.roads.internal.Segment;
import cn.civicloop.shared.Masking;
import cn.civicloop.shared.NotFoundException;
import cn.civicloop.shared.Phrase;

/** The public road sign (公示牌): who answers for this segment at each level, their duties, the supervision phone. */
@Controller
class RoadSignPage {

    private final RoadData data;

    RoadSignPage(RoadData data) {
        this.data = data;
    }

    /** A chief as the public sees him: name and masked phone. */
    record PublicChief(String name, int level, String levelLabel, String unit, String phone) {
    }

    @GetMapping("/roads/signs")
    String index(Model model) {
        model.addAttribute("segments", data.segments());
        return "roads/signs";
    }

    @GetMapping("/roads/signs/{code}")
    String sign(@PathVariable String code, Model model) {
        Segment s = data.segmentByCode(code).orElseThrow(() -> new NotFoundException(
                Phrase.of("problem.roads.no-such-segment", "没有这个路段")));
        List<PublicChief> chiefs = data.chiefsOf(s).stream().map(RoadSignPage::publicChief).toList();
        model.addAttribute("segment", s);
        model.addAttribute("levels", List.of(1, 2, 3));
        model.addAttribute("chiefs", chiefs);
        model.addAttribute("area", data.area(s.areaId()).orElseThrow());
        return "roads/sign";
    }

    /** A first-level chief answers for the district (the page says so from the bundles): no unit. */
    private static PublicChief publicChief(Chief c) {
        return new PublicChief(c.name(), c.level(), c.levelLabel(), c.level() == 1 ? null : c.squadName(),
                Masking.phone(c.phone()));
    }
}
