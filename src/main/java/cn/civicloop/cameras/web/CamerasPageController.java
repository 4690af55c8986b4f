package cn.civicloop.cameras.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import cn.civicloop.cameras.CameraStatus;
import cn.civicloop.cameras.internal.CameraRegistry;
import cn.civicloop.cameras.internal.CamerasProperties;
import cn.civicloop.cameras.internal.FootageRequest;
import cn.civicloop.cameras.internal.FootageRequests;
import cn.civicloop.cameras.internal.FootageStore;
import cn.civicloop.cases.CaseQueries;
import cn.civicloop.cases.CaseView;
import cn.civicloop.directory.Actor;
import cn.civicloop.directory.Role;
import cn.civicloop.security.Actors;
import cn.civicloop.shared.DistrictTime;
import cn.civicloop.shared.DomainException;
import cn.civicloop.shared.web.RefusalText;

/**
 * The registry's admin page ({@code /cameras}: list with filters, map, import, history), the camera panel other
 * modules' pages include ({@code /cameras/panel}, loaded by htmx: the nearest cameras of the subject's place, the
 * footage request form and the subject's requests with their answers and history) and the footage request list
 * ({@code /cameras/footage}), where the video centre answers.
 */
@Controller
class CamerasPageController {

    private final CameraRegistry registry;
    private final FootageRequests footage;
    private final CaseQueries cases;
    private final CamerasProperties settings;

    CamerasPageController(CameraRegistry registry, FootageRequests footage, CaseQueries cases,
            CamerasProperties settings) {
        this.registry = registry;
        this.footage = footage;
        this.cases = cases;
        this.settings = settings;
    }

    @GetMapping("/cameras")
    String page(@RequestParam(required = false) String text, @RequestParam(required = false) String status,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String owner,
            @RequestParam(defaultValue = "0") int page, Model model) {
        return admin(model, text, status, kind, owner, page);
    }

    @PostMapping("/cameras/import")
    String importFile(@RequestParam("file") MultipartFile file, @RequestParam(required = false) String reason,
            Model model) {
        try {
            model.addAttribute("outcome", registry.importFile(file.getBytes(), Actors.current().username(), reason));
        } catch (DomainException e) {
            model.addAttribute("refused", RefusalText.of(e));
            model.addAttribute("problems", e.fieldProblems().stream()
                    .map(p -> p.field() + "：" + RefusalText.of(p)).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return admin(model, null, null, null, null, 0);
    }

    private String admin(Model model, String text, String status, String kind, String owner, int page) {
        CameraStatus s = CameraRegistry.status(status);
        model.addAttribute("cameras", registry.list(text, s, kind, owner, page));
        model.addAttribute("total", registry.count());
        model.addAttribute("counts", registry.countsByStatus());
        model.addAttribute("kinds", registry.kinds());
        model.addAttribute("owners", registry.owners());
        model.addAttribute("statuses", CameraStatus.values());
        model.addAttribute("changes", registry.history(null, 20));
        model.addAttribute("filter", filter(text, s, kind, owner));
        model.addAttribute("page", Math.max(0, page));
        model.addAttribute("pageSize", settings.listSize());
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", List.of());
        }
        return "cameras/cameras";
    }

    private static Map<String, String> filter(String text, CameraStatus status, String kind, String owner) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("text", text == null ? "" : text);
        f.put("status", status == null ? "" : status.name());
        f.put("kind", kind == null ? "" : kind);
        f.put("owner", owner == null ? "" : owner);
        return f;
    }

    @GetMapping("/cameras/panel")
    String panel(@RequestParam String kind, @RequestParam String ref, @RequestParam(required = false) String near,
            @RequestParam(required = false) Double lat, @RequestParam(required = false) Double lon, Model model) {
        return panel(model, kind, ref, near, lat, lon, null, null);
    }

    @PostMapping("/cameras/panel/request")
    String request(@RequestParam Map<String, String> p, @RequestParam(name = "camera", required = false)
            List<String> codes, Model model) {
        Double lat = number(p.get("lat"));
        Double lon = number(p.get("lon"));
        try {
            footage.request(new FootageRequests.NewRequest(p.get("kind"), p.get("ref"), codes, at(p.get("from")),
                    at(p.get("to")), p.get("purpose")), Actors.current());
            return panel(model, p.get("kind"), p.get("ref"), p.get("near"), lat, lon, null, null);
        } catch (DomainException e) {
            return panel(model, p.get("kind"), p.get("ref"), p.get("near"), lat, lon, RefusalText.of(e),
                    p.get("purpose"));
        }
    }

    private String panel(Model model, String kind, String ref, String near, Double lat, Double lon, String error,
            String typed) {
        Actor actor = Actors.current();
        String k = kind == null ? "" : kind.toUpperCase(java.util.Locale.ROOT);
        if ("CASE".equals(k)) {
            CaseView view = cases.view(ref, actor);
            lat = view.lat();
            lon = view.lon();
        } else if (near != null && !near.isBlank()) {
            // a topic's place is that of a case of it: the opinion officer lists the topic's cases without reading
            // them, so he gets the point only; anyone else must be able to read the case
            if (actor.has(Role.OPINION_OFFICER)) {
                var snapshot = cases.snapshot(near).orElse(null);
                lat = snapshot == null ? null : snapshot.lat();
                lon = snapshot == null ? null : snapshot.lon();
            } else {
                CaseView view = cases.view(near, actor);
                lat = view.lat();
                lon = view.lon();
            }
        }
        model.addAttribute("near", near);
        model.addAttribute("kind", k);
        model.addAttribute("ref", ref);
        model.addAttribute("lat", lat);
        model.addAttribute("lon", lon);
        model.addAttribute("radius", settings.radius());
        model.addAttribute("nearby", lat == null || lon == null ? List.of()
                : registry.nearest(lat, lon, settings.radius(), settings.panelSize()));
        List<FootageRequest> requests = FootageRequests.SUBJECTS.contains(k) ? footage.ofSubject(k, ref, actor)
                : List.of();
        model.addAttribute("requests", requests);
        Map<Long, List<FootageStore.Entry>> histories = new LinkedHashMap<>();
        requests.forEach(r -> histories.put(r.id(), footage.history(r.id(), actor)));
        model.addAttribute("histories", histories);
        model.addAttribute("mayRequest", footage.mayRequest(actor));
        model.addAttribute("error", error);
        model.addAttribute("typed", typed);
        return "cameras/panel :: panel";
    }

    @GetMapping("/cameras/footage")
    String requests(@RequestParam(defaultValue = "false") boolean open, Model model) {
        return requests(model, open, null, null);
    }

    @PostMapping("/cameras/footage/{id}/answer")
    String answer(@PathVariable long id, @RequestParam Map<String, String> p, Model model) {
        try {
            footage.answer(id, new FootageRequests.Answer(!"none".equals(p.get("outcome")), p.get("archiveRef"),
                    at(p.get("from")), at(p.get("to")), p.get("text"), version(p)), Actors.current());
            return "redirect:/cameras/footage";
        } catch (DomainException e) {
            return requests(model, false, RefusalText.of(e), id);
        }
    }

    private String requests(Model model, boolean open, String error, Long errorId) {
        Actor actor = Actors.current();
        model.addAttribute("requests", footage.listFor(actor, open));
        model.addAttribute("mayAnswer", footage.videoCentre(actor));
        model.addAttribute("open", open);
        model.addAttribute("error", error);
        model.addAttribute("errorId", errorId);
        return "cameras/footage";
    }

    private static Double number(String s) {
        try {
            return s == null || s.isBlank() ? null : Double.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A {@code datetime-local} value, read in the district's time zone; null when empty or unreadable. */
    private static Instant at(String s) {
        try {
            return s == null || s.isBlank() ? null : LocalDateTime.parse(s).atZone(DistrictTime.ZONE).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static Integer version(Map<String, String> p) {
        String v = p.get("version");
        return v == null || !v.matches("\\d{1,9}") ? null : Integer.valueOf(v);
    }
}
