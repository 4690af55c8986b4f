package cn.civicloop.triage.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import cn.civicloop.security.Actors;
import cn.civicloop.triage.internal.ActiveModel;
import cn.civicloop.triage.internal.learning.ColumnMapping;
import cn.civicloop.triage.internal.learning.HistoryImports;
import cn.civicloop.triage.internal.learning.ImportView;
import cn.civicloop.triage.internal.learning.Preview;
import cn.civicloop.triage.internal.learning.TrainingRunView;
import cn.civicloop.triage.internal.learning.TrainingRuns;
import cn.civicloop.triage.internal.learning.TrainingSources;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Teaching the classifier the district's history (owner role: ADMIN): uploads of historical work orders (a preview,
 * then an import created with its column mapping and its file streamed in as the body, CSV {@code text/csv} or
 * .xlsx), training runs with their reports, and the model versions to activate or roll back to.
 */
@RestController
@RequestMapping("/api/v1/admin/routing")
@Tag(name = "admin", description = "History import, training and model versions (ADMIN only)")
class LearningController {

    private final HistoryImports imports;
    private final TrainingRuns runs;
    private final ActiveModel models;
    private final LearningProgress progress;

    LearningController(HistoryImports imports, TrainingRuns runs, ActiveModel models, LearningProgress progress) {
        this.imports = imports;
        this.runs = runs;
        this.models = models;
        this.progress = progress;
    }

    /** Body of a new import: the file's name, what it is, its encoding (AUTO, UTF-8, GBK) and the column mapping. */
    record ImportForm(String fileName, String source, String encoding, String title, String content, String category,
            String department, String date, Map<String, String> labels) {

        ColumnMapping mapping() {
            return new ColumnMapping(title, content, category, department, date, labels);
        }
    }

    /** Body of a training run: which sources to learn from (none given: the seed corpus, all imports and the loop). */
    record TrainingForm(Boolean seed, Boolean imports, List<Long> importIds, Boolean loop) {

        TrainingSources sources() {
            if (seed == null && imports == null && loop == null) {
                return TrainingSources.everything();
            }
            return new TrainingSources(Boolean.TRUE.equals(seed), Boolean.TRUE.equals(imports), importIds,
                    Boolean.TRUE.equals(loop));
        }
    }

    @PostMapping("/imports/preview")
    Preview preview(@RequestParam(required = false) String fileName, @RequestParam(required = false) String encoding,
            HttpServletRequest request) throws IOException {
        imports.checkSize(request.getContentLengthLong());
        return imports.preview(fileName, request.getInputStream(), encoding);
    }

    @PostMapping("/imports")
    @ResponseStatus(HttpStatus.CREATED)
    ImportView create(@RequestBody ImportForm form) {
        return imports.create(form.fileName(), form.source(), form.encoding(), form.mapping(), Actors.current().username());
    }

    @PutMapping("/imports/{id}/file")
    ImportView upload(@PathVariable long id, HttpServletRequest request) throws IOException {
        imports.checkSize(request.getContentLengthLong());
        return imports.upload(id, request.getInputStream(), request.getContentLengthLong());
    }

    @GetMapping("/imports")
    List<ImportView> imports() {
        return imports.latest(50);
    }

    @GetMapping("/imports/{id}")
    ImportView importView(@PathVariable long id) {
        return imports.view(id);
    }

    @PostMapping("/imports/{id}/cancel")
    ImportView cancelImport(@PathVariable long id) {
        imports.cancel(id);
        return imports.view(id);
    }

    @GetMapping(path = "/imports/{id}/events", produces = "text/event-stream")
    SseEmitter importEvents(@PathVariable long id) {
        return progress.importStream(id);
    }

    @PostMapping("/training")
    @ResponseStatus(HttpStatus.ACCEPTED)
    TrainingRunView train(@RequestBody(required = false) TrainingForm form) {
        return runs.start(form == null ? TrainingSources.everything() : form.sources(), Actors.current().username());
    }

    @GetMapping("/training")
    List<TrainingRunView> runs() {
        return runs.latest(50);
    }

    @GetMapping("/training/{id}")
    TrainingRunView run(@PathVariable long id) {
        return runs.view(id);
    }

    @GetMapping(path = "/training/{id}/events", produces = "text/event-stream")
    SseEmitter runEvents(@PathVariable long id) {
        return progress.runStream(id);
    }

    @PostMapping("/training/{id}/cancel")
    TrainingRunView cancelRun(@PathVariable long id) {
        runs.cancel(id);
        return runs.view(id);
    }

    @PostMapping("/training/{id}/restart")
    @ResponseStatus(HttpStatus.ACCEPTED)
    TrainingRunView restart(@PathVariable long id) {
        return runs.restart(id, Actors.current().username());
    }

    @PostMapping("/training/{id}/keep")
    TrainingRunView keep(@PathVariable long id) {
        runs.keep(id, Actors.current().username());
        return runs.view(id);
    }

    @GetMapping("/models")
    List<ActiveModel.Version> models() {
        models.model(); // on an empty database the first model is trained now, as at the first triage
        return models.versions(50);
    }

    @PostMapping("/models/{version}/activate")
    List<ActiveModel.Version> activate(@PathVariable String version) {
        runs.activate(version, Actors.current().username());
        return models.versions(50);
    }
}
