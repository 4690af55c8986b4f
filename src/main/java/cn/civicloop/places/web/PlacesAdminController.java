package cn.civicloop.places.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.civicloop.places.internal.GazetteerImport;
import cn.civicloop.security.Actors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The gazetteer's CSV and GeoJSON import and export and its history (administrators; PlacesEndpoints). An import is
 * all or nothing: a bad line or feature refuses the file with 422 and one problem for each ({@code field} =
 * {@code line N} or {@code features[N]}).
 */
@RestController
@RequestMapping("/api/v1/admin/places")
@Tag(name = "places-admin", description = "Standard address gazetteer: import, export and change history")
class PlacesAdminController {

    private final GazetteerImport gazetteer;
    private final MessageSource messages;

    PlacesAdminController(GazetteerImport gazetteer, MessageSource messages) {
        this.gazetteer = gazetteer;
        this.messages = messages;
    }

    @PostMapping(path = "/import", consumes = { "text/csv", MediaType.TEXT_PLAIN_VALUE,
            MediaType.APPLICATION_OCTET_STREAM_VALUE })
    @Operation(summary = "Import a CSV file (UTF-8; header " + "code,level,kind,parent,name,aliases,former_names,lat,lon,line)")
    GazetteerImport.Outcome importCsv(@RequestBody byte[] file, @RequestParam(required = false) String reason) {
        return gazetteer.importCsv(file, Actors.current().username(), reason);
    }

    @PostMapping(path = "/import", consumes = { "application/geo+json", MediaType.APPLICATION_JSON_VALUE })
    @Operation(summary = "Import a GeoJSON FeatureCollection (UTF-8, WGS84): Point features for addresses and named"
            + " places, LineString for roads (label point in properties.point); properties code, level, kind, parent,"
            + " name, aliases, former_names")
    GazetteerImport.Outcome importGeoJson(@RequestBody byte[] file, @RequestParam(required = false) String reason) {
        return gazetteer.importGeoJson(file, Actors.current().username(), reason);
    }

    @GetMapping(path = "/export.geojson", produces = "application/geo+json")
    @Operation(summary = "The whole gazetteer as a GeoJSON FeatureCollection, in code order")
    void exportGeoJson(HttpServletResponse response) throws IOException {
        response.setContentType("application/geo+json;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"gazetteer.geojson\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        gazetteer.exportGeoJson(out);
        out.flush();
    }

    @GetMapping(path = "/export.csv", produces = "text/csv")
    @Operation(summary = "The whole gazetteer as CSV, in code order")
    void export(HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"gazetteer.csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        gazetteer.exportCsv(out);
        out.flush();
    }

    @GetMapping("/counts")
    Map<String, Long> counts() {
        return gazetteer.counts();
    }

    @GetMapping("/changes")
    @Operation(summary = "The latest changes, or those of one code, newest first")
    List<GazetteerImport.HistoryLine> changes(@RequestParam(required = false) String code) {
        String imported = messages.getMessage("places.change.imported", null, LocaleContextHolder.getLocale());
        return gazetteer.history(code, 100).stream().map(l -> l.reason() != null ? l : l.withReason(imported)).toList();
    }
}
