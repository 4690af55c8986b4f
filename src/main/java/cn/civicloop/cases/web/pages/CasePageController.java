package cn.civicloop.cases.web.pages;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.CaseActions;
import cn.civicloop.cases.CaseManagement;
import cn.civicloop.cases.CaseQueries;
import cn.civicloop.cases.CaseView;
import cn.civicloop.cases.MediaSupervisionRemark;
import cn.civicloop.cases.TimelineEntry;
import cn.civicloop.directory.Actor;
import cn.civicloop.directory.Directory;
import cn.civicloop.security.Actors;
import cn.civicloop.shared.DomainException;
import cn.civicloop.shared.ForbiddenException;
import cn.civicloop.shared.NotFoundException;
import cn.civicloop.shared.web.Uploads;

/**
 * The staff case page (owner: staff who may see the case): everything the viewer may see, and one form per
 * action he may take now. Forms post here; a refusal re-renders the page with the reason, success redirects back.
 */
@Controller
class CasePageController {

    private final CaseQueries queries;
    private final CaseManagement management;
    private final CaseActions actions;
    private final Directory directory;
    private final StepRemarkLines stepRemarks;

    CasePageController(CaseQueries queries, CaseManagement management, CaseActions actions, Directory directory,
            StepRemarkLines stepRemarks) {
        this.stepRemarks = stepRemarks;
        this.queries = queries;
        this.management = management;
        this.actions = actions;
        this.directory = directory;
    }

    @GetMapping("/workbench/cases/{number}")
    String page(@PathVariable String number, Model model, Locale locale) {
        return show(number, model, locale);
    }

    @PostMapping("/workbench/cases/{number}/actions/{action}")
    String act(@PathVariable String number, @PathVariable String action, @RequestParam Map<String, String> params,
            @RequestParam(name = "photos", required = false) List<MultipartFile> photos, Model model,
            Locale locale) {
        try {
            management.perform(number, actions.command(action, params, Uploads.of(photos)), Actors.current());
            return "redirect:/workbench/cases/" + number;
        } catch (ForbiddenException | NotFoundException e) {
            throw e;
        } catch (DomainException e) {
            model.addAttribute("error", cn.civicloop.shared.web.RefusalText.of(e));
            model.addAttribute("errorAction", CaseAction.ofSlug(action).map(CaseAction::slug).orElse(action));
            model.addAttribute("fieldProblems", e.fieldProblems());
            model.addAttribute("values", params);
            return show(number, model, locale);
        }
    }

    @GetMapping("/workbench/cases/{number}/photos/{id}")
    ResponseEntity<byte[]> photo(@PathVariable String number, @PathVariable long id) {
        CaseQueries.Photo photo = queries.photo(number, id, Actors.current());
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.contentType()))
                .cacheControl(CacheControl.noStore()).header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline").body(photo.data());
    }

    private String show(String number, Model model, Locale locale) {
        Actor actor = Actors.current();
        CaseView view = queries.view(number, actor);
        model.addAttribute("actor", actor);
        model.addAttribute("view", view);
        List<TimelineEntry> timeline = queries.timeline(number, actor);
        model.addAttribute("timeline", timeline);
        // the media centre's steps are named from the bundles: their rows hold the step, the item and the text
        model.addAttribute("mediaRemarks", MediaSupervisionRemark.of(timeline));
        // so are the steps the system writes as values: escalations, places, merges, extensions, follow-up answers
        model.addAttribute("stepRemarks", stepRemarks.of(timeline, locale));
        model.addAttribute("forms", ActionForms.of(view, actions));
        model.addAttribute("departments", directory.departments().stream()
                .filter(d -> d.active() && d.parentId() == null
                        && d.kind() != cn.civicloop.directory.DepartmentKind.CENTRE).toList());
        model.addAttribute("units", directory.departments().stream().filter(d -> d.active() && d.parentId() != null
                && actor.departmentId() != null && directory.isWithin(d.id(), actor.departmentId())).toList());
        model.addAttribute("photos", view.attachments());
        if (!model.containsAttribute("values")) {
            model.addAttribute("values", Map.of());
        }
        return "cases/case";
    }
}
