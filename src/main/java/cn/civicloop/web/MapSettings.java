package cn.civicloop.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import cn.civicloop.shared.SharedProperties;

/**
 * Maps draw the district's own GeoJSON layers and load no tiles. A district with its own tile server may set
 * {@code civicloop.map.tile-url} (e.g. {@code https://tiles.example.gov.cn/{z}/{x}/{y}.png}); it is off by default,
 * so that nothing is loaded from outside the machine.
 */
@ControllerAdvice(annotations = Controller.class)
class MapSettings {

    private final String tiles;

    MapSettings(SharedProperties settings) {
        this.tiles = settings.map().tilesOrNull();
    }

    @ModelAttribute("mapTiles")
    String mapTiles() {
        return tiles;
    }
}
