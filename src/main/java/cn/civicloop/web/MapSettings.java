package cn.civicloop.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Maps draw the district's own GeoJSON layers and load no tiles. A district with its own tile server may set
 * {@code civicloop.map.tile-url} (e.g. {@code https://tiles.example.gov.cn/{z}/{x}/{y}.png}); it is off by default,
 * so that nothing is loaded from outside the machine.
 */
@ControllerAdvice(annotations = Controller.class)
class MapSettings {

    private final String tileUrl;

    MapSettings(@Value("${civicloop.map.tile-url:}") String tileUrl) {
        this.tileUrl = tileUrl;
    }

    @ModelAttribute("mapTiles")
    String mapTiles() {
        return tileUrl.isBlank() ? null : tileUrl;
    }
}
