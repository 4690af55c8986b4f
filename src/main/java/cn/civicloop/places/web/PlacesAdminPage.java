package cn.civicloop.places.web;

import java.io.IOException;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.civicloop.places.internal.GazetteerImport;
import cn.civicloop.security.Actors;
import cn.civicloop.shared.DomainException;
import cn.civicloop.shared.web.RefusalText;
import jakarta.servlet.http.HttpServletResponse;

/** The gazetteer's admin page: counts per level, CSV or GeoJSON import (all or
 * nothing, problems per line or feature) and export in either form, history. */
@Controller
class PlacesAdminPage {

    private final GazetteerImport gazetteer;

    PlacesAdminPage(GazetteerImport gazetteer) {
        this.gazetteer = gazetteer;
    }

    @GetMapping("/admin/places")
    String page(Model model) {
        return show(model, List.of());
    }

    @PostMapping("/admin/places/import")
    String importCsv(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String reason,
            Model model, RedirectAttributes flash, HttpServletResponse response) throws IOException {
        try {
            var outcome = gazetteer.importFile(file == null ? new byte[0] : file.getBytes(),
                    Actors.current().username(), reason);
            flash.addFlashAttribute("outcome", outcome);
            return "redirect:/admin/places";
        } catch (DomainException e) {
            response.setStatus(422);
            List<String> problems = e.fieldProblems().isEmpty() ? List.of(RefusalText.of(e))
                    : e.fieldProblems().stream().map(p -> p.field() + ": " + RefusalText.of(p)).toList();
            model.addAttribute("refused", RefusalText.of(e));
            return show(model, problems);
        }
    }

    private String show(Model model, List<String> problems) {
        model.addAttribute("counts", gazetteer.counts());
        model.addAttribute("changes", gazetteer.history(null, 20));
        model.addAttribute("problems", problems);
        return "places/admin-places";
    }
}
