package cn.civicloop.geo.web;

import java.util.Locale;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import cn.civicloop.geo.AreaLevel;
import cn.civicloop.geo.Jurisdictions;

/**
 * The district's areas as GeoJSON for the maps of the pages (owner: public — boundaries are not personal data).
 * Maps draw these layers without any tile server.
 */
@RestController
class AreaMapController {

    private final Jurisdictions jurisdictions;

    AreaMapController(Jurisdictions jurisdictions) {
        this.jurisdictions = jurisdictions;
    }

    @GetMapping(path = "/geo/{level}.geojson", produces = "application/geo+json")
    ResponseEntity<String> areas(@PathVariable String level) {
        AreaLevel areaLevel;
        try {
            areaLevel = AreaLevel.valueOf(level.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)))
                .contentType(MediaType.parseMediaType("application/geo+json"))
                .body(jurisdictions.geoJson(areaLevel));
    }
}
