package cn.civicloop.triage.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.civicloop.security.Actors;
import cn.civicloop.shared.DomainException;
import cn.civicloop.shared.web.FormValues;
import cn.civicloop.shared.web.RefusalText;
import cn.civicloop.triage.internal.ActiveModel;
import cn.civicloop.triage.internal.learning.ColumnMapping;
import cn.civicloop.triage.internal.learning.HistoryImports;
import cn.civicloop.triage.internal.learning.ImportView;
import cn.civicloop.triage.internal.learning.Preview;
import cn.civicloop.triage.internal.learning.TrainingRunView;
import cn.civicloop.triage.internal.learning.TrainingRuns;
import cn.civicloop.triage.internal.learning.TrainingSources;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The admin's page for teaching the classifier (历史学习): upload a file of historical work orders, choose its columns
 * on a preview, follow the import, start a training run, read its report, activate, keep or roll back. Owner role:
 * ADMIN (page chain guards /admin/**). The file goes up as the request body, streamed, as on the API.
 */
@Controller
class LearningPageController {

    private final HistoryImports imports;
    private final TrainingRuns runs;
    private final ActiveModel models;
    private final LearningProgress progress;

    LearningPageController(HistoryImports imports, TrainingRuns runs, ActiveModel models, LearningProgress progress) {
        this.imports = imports;
        this.runs = runs;
        this.models = models;
        this.progress = progress;
    }

    @GetMapping("/admin/routing/learning")
    String page(@RequestParam(name = "import", required = false) Long shown, Model model) {
        List<ImportView> latest = imports.latest(20);
        model.addAttribute("imports", latest);
        ImportView selected = shown == null ? null : imports.view(shown);
        model.addAttribute("selected", selected);
        model.addAttribute("runs", runs.latest(20));
        models.model(); // on an empty database the first model is trained now, as at the first triage
        model.addAttribute("models", models.versions(20));
        model.addAttribute("doneImports", latest.stream().filter(i -> i.status().name().equals("DONE")).count());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "triage/learning";
    }

    /** The first rows of the chosen file (its beginning for CSV) and the column choice, as a page fragment. */
    @PostMapping("/admin/routing/learning/preview")
    String preview(@RequestParam(required = false) String fileName, @RequestParam(required = false) String encoding,
            HttpServletRequest request, HttpServletResponse response, Model model, Locale locale) throws IOException {
        try {
            imports.checkSize(request.getContentLengthLong());
            Preview preview = imports.preview(fileName, request.getInputStream(), encoding);
            model.addAttribute("preview", preview);
            model.addAttribute("guess", guess(preview.header()));
        } catch (DomainException e) {
            response.setStatus(FormValues.status(e));
            model.addAttribute("previewError", RefusalText.in(e, locale));
        }
        return "triage/learning-preview :: preview";
    }

    @PostMapping("/admin/routing/learning/imports")
    @ResponseBody
    ResponseEntity<Map<String, Object>> create(@RequestParam Map<String, String> form, Locale locale) {
        try {
            ImportView v = imports.create(form.get("fileName"), form.get("source"), form.get("encoding"),
                    new ColumnMapping(form.get("title"), form.get("content"), form.get("category"),
                            form.get("department"), form.get("date"), ColumnMapping.parseLabels(form.get("labels"))),
                    Actors.current().username());
            return ResponseEntity.ok(Map.of("id", v.id()));
        } catch (DomainException e) {
            return refused(e, locale);
        }
    }

    @PutMapping("/admin/routing/learning/imports/{id}/file")
    @ResponseBody
    ResponseEntity<Map<String, Object>> upload(@PathVariable long id, HttpServletRequest request, Locale locale)
            throws IOException {
        try {
            imports.checkSize(request.getContentLengthLong());
            ImportView v = imports.upload(id, request.getInputStream(), request.getContentLengthLong());
            return ResponseEntity.ok(Map.of("id", v.id(), "status", v.status().name()));
        } catch (DomainException e) {
            return refused(e, locale);
        }
    }

    @GetMapping(path = "/admin/routing/learning/imports/{id}/events", produces = "text/event-stream")
    @ResponseBody
    SseEmitter importEvents(@PathVariable long id) {
        return progress.importStream(id);
    }

    @PostMapping("/admin/routing/learning/imports/{id}/cancel")
    @ResponseBody
    Map<String, Object> cancelImport(@PathVariable long id) {
        return Map.of("cancelled", imports.cancel(id));
    }

    @PostMapping("/admin/routing/learning/training")
    String train(@RequestParam Map<String, String> form, RedirectAttributes flash, Locale locale) {
        try {
            TrainingRunView run = runs.start(new TrainingSources(form.containsKey("seed"), form.containsKey("imports"),
                    List.of(), form.containsKey("loop")), Actors.current().username());
            return "redirect:/admin/routing/learning/training/" + run.id();
        } catch (DomainException e) {
            flash.addFlashAttribute("errors", Map.of("training", RefusalText.in(e, locale)));
            return "redirect:/admin/routing/learning";
        }
    }

    @GetMapping("/admin/routing/learning/training/{id}")
    String run(@PathVariable long id, Model model) {
        TrainingRunView run = runs.view(id);
        model.addAttribute("run", run);
        model.addAttribute("activeVersion", models.activeVersion());
        Map<String, Double> currentF1 = new LinkedHashMap<>();
        if (run.report() != null) {
            run.report().inService().perClass().forEach(p -> currentF1.put(p.label(), p.f1()));
        }
        model.addAttribute("currentF1", currentF1);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "triage/learning-run";
    }

    @GetMapping(path = "/admin/routing/learning/training/{id}/events", produces = "text/event-stream")
    @ResponseBody
    SseEmitter runEvents(@PathVariable long id) {
        return progress.runStream(id);
    }

    @PostMapping("/admin/routing/learning/training/{id}/cancel")
    String cancelRun(@PathVariable long id) {
        runs.cancel(id);
        return "redirect:/admin/routing/learning/training/" + id;
    }

    @PostMapping("/admin/routing/learning/training/{id}/restart")
    String restart(@PathVariable long id, RedirectAttributes flash, Locale locale) {
        try {
            return "redirect:/admin/routing/learning/training/" + runs.restart(id, Actors.current().username()).id();
        } catch (DomainException e) {
            flash.addFlashAttribute("errors", Map.of("run", RefusalText.in(e, locale)));
            return "redirect:/admin/routing/learning/training/" + id;
        }
    }

    @PostMapping("/admin/routing/learning/training/{id}/keep")
    String keep(@PathVariable long id, RedirectAttributes flash, Locale locale) {
        try {
            runs.keep(id, Actors.current().username());
        } catch (DomainException e) {
            flash.addFlashAttribute("errors", Map.of("run", RefusalText.in(e, locale)));
        }
        return "redirect:/admin/routing/learning/training/" + id;
    }

    @PostMapping("/admin/routing/learning/models/{version}/activate")
    String activate(@PathVariable String version, @RequestParam(required = false) Long run, RedirectAttributes flash) {
        runs.activate(version, Actors.current().username());
        flash.addFlashAttribute("saved", version);
        return run == null ? "redirect:/admin/routing/learning" : "redirect:/admin/routing/learning/training/" + run;
    }

    private static ResponseEntity<Map<String, Object>> refused(DomainException e, Locale locale) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", RefusalText.in(e, locale));
        body.put("problems", e.fieldProblems().stream().map(p -> p.field() + "：" + RefusalText.in(p, locale)).limit(200)
                .toList());
        return ResponseEntity.status(FormValues.status(e)).body(body);
    }

    /** A first guess of the mapping from usual header names (the admin corrects it on the page). */
    static Map<String, String> guess(List<String> header) {
        Map<String, String> g = new LinkedHashMap<>();
        for (String h : header) {
            String n = h.toLowerCase(Locale.ROOT);
            if (!g.containsKey("title") && (n.contains("标题") || n.equals("title"))) {
                g.put("title", h);
            } else if (!g.containsKey("content") && (n.contains("内容") || n.contains("详情") || n.equals("detail")
                    || n.equals("content"))) {
                g.put("content", h);
            } else if (!g.containsKey("category") && (n.contains("分类") || n.contains("类别") || n.equals("label"))) {
                g.put("category", h);
            } else if (!g.containsKey("department") && (n.contains("单位") || n.contains("部门"))) {
                g.put("department", h);
            } else if (!g.containsKey("date") && (n.contains("时间") || n.contains("日期") || n.equals("date"))) {
                g.put("date", h);
            }
        }
        return g;
    }
}
