package cn.civicloop.roads.web;

import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.civicloop.roads.internal.RoadGeoJson;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Import and export of the road network as GeoJSON (admins; /api/v1/admin/** is ADMIN only). */
@RestController
@RequestMapping("/api/v1/admin/roads")
@Tag(name = "roads-admin", description = "Road network GeoJSON import and export")
class RoadAdminController {

    private final RoadGeoJson geoJson;

    RoadAdminController(RoadGeoJson geoJson) {
        this.geoJson = geoJson;
    }

    @GetMapping(path = "/geojson", produces = "application/geo+json")
    String export() {
        return geoJson.export();
    }

    /** Replaces segments by code and adds new ones; all or nothing. */
    @PutMapping(path = "/geojson", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/geo+json"})
    Map<String, Integer> importGeoJson(@RequestBody String body) {
        return Map.of("segments", geoJson.importGeoJson(body));
    }
}
