package cn.civicloop.places.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import cn.civicloop.places.internal.PlacesProperties;

/**
 * The tile layer the gazetteer's maps draw under its own vector layers ({@code civicloop.places.tiles.*}): pages
 * hand {@code placesTiles} and {@code placesTilesCrs} to {@code static/js/places-map.js} in data attributes.
 */
@ControllerAdvice(annotations = Controller.class)
class PlacesMapSettings {

    private final PlacesProperties.Tiles tiles;

    PlacesMapSettings(PlacesProperties settings) {
        this.tiles = settings.tiles();
    }

    @ModelAttribute("placesTiles")
    String tiles() {
        return tiles.urlOrNull();
    }

    @ModelAttribute("placesTilesCrs")
    String crs() {
        return tiles.crs().name();
    }
}
