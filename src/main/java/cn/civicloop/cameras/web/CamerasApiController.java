package cn.civicloop.cameras.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.civicloop.cameras.CameraStatus;
import cn.civicloop.cameras.NearbyCamera;
import cn.civicloop.cameras.internal.Camera;
import cn.civicloop.cameras.internal.CameraRegistry;
import cn.civicloop.cameras.internal.CameraStore;
import cn.civicloop.cameras.internal.CamerasProperties;
import cn.civicloop.cameras.internal.FootageRequest;
import cn.civicloop.cameras.internal.FootageRequests;
import cn.civicloop.security.Actors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

/** The camera registry, the nearest cameras of a point and footage requests. */
@RestController
@RequestMapping("/api/v1/cameras")
@Tag(name = "cameras", description = "Video cameras: registry, nearby cameras, footage requests")
class CamerasApiController {

    private final CameraRegistry registry;
    private final FootageRequests footage;
    private final CamerasProperties settings;

    CamerasApiController(CameraRegistry registry, FootageRequests footage, CamerasProperties settings) {
        this.registry = registry;
        this.footage = footage;
        this.settings = settings;
    }

    record StatusChange(String status, String reason) {
    }

    record AnswerBody(Boolean footage, String archiveRef, Instant from, Instant to, String text, Integer version) {
    }

    @GetMapping
    @Operation(summary = "The registry, filtered (text in code or name, status, kind, owner), in code order, a page at a time")
    List<Camera> list(@RequestParam(required = false) String text, @RequestParam(required = false) CameraStatus status,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String owner,
            @RequestParam(defaultValue = "0") int page) {
        return registry.list(text, status, kind, owner, page);
    }

    @PostMapping(path = "/import", consumes = { "text/csv", MediaType.TEXT_PLAIN_VALUE, "application/geo+json",
            MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE })
    @Operation(summary = "Import a CSV (UTF-8 or GBK; header code,name,lat,lon,owner,status,kind) or GeoJSON "
            + "FeatureCollection of Points; all or nothing, 422 naming every bad line or feature")
    CameraRegistry.Outcome importFile(@RequestBody byte[] file, @RequestParam(required = false) String reason) {
        return registry.importFile(file, Actors.current().username(), reason);
    }

    @GetMapping(path = "/export.csv", produces = "text/csv")
    void exportCsv(HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"cameras.csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        registry.exportCsv(out);
        out.flush();
    }

    @GetMapping(path = "/export.geojson", produces = "application/geo+json")
    void exportGeoJson(HttpServletResponse response) throws IOException {
        response.setContentType("application/geo+json;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"cameras.geojson\"");
        response.getOutputStream().write(registry.exportGeoJson().getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/history")
    @Operation(summary = "The latest changes of the registry, or those of one camera, newest first")
    List<CameraStore.Change> history(@RequestParam(required = false) String code) {
        return registry.history(code, 200);
    }

    @PostMapping("/{code}/status")
    Camera status(@PathVariable String code, @RequestBody StatusChange body) {
        return registry.setStatus(code, body.status(),
                Actors.current().username(), body.reason());
    }

    @GetMapping("/nearest")
    @Operation(summary = "The cameras within radius metres (default civicloop.cameras.radius) of a WGS84 point, nearest first")
    List<NearbyCamera> nearest(@RequestParam double lat, @RequestParam double lon,
            @RequestParam(required = false) Double radius, @RequestParam(required = false) Integer limit) {
        return registry.nearest(lat, lon, radius == null ? settings.radius() : radius,
                limit == null ? settings.panelSize() : limit);
    }

    @GetMapping("/footage")
    @Operation(summary = "Footage requests the caller may see (all for the leader and the video centre, else his department's)")
    List<FootageRequest> requests(@RequestParam(defaultValue = "false") boolean open) {
        return footage.listFor(Actors.current(), open);
    }

    @PostMapping("/footage")
    @ResponseStatus(HttpStatus.CREATED)
    FootageRequest request(@RequestBody FootageRequests.NewRequest body) {
        return footage.request(body, Actors.current());
    }

    @GetMapping("/footage/{id}")
    Map<String, Object> one(@PathVariable long id) {
        return Map.of("request", footage.readable(id, Actors.current()), "history",
                footage.history(id, Actors.current()));
    }

    @PostMapping("/footage/{id}/answer")
    FootageRequest answer(@PathVariable long id, @RequestBody AnswerBody body) {
        return footage.answer(id, new FootageRequests.Answer(Boolean.TRUE.equals(body.footage()), body.archiveRef(),
                body.from(), body.to(), body.text(), body.version()), Actors.current());
    }
}
