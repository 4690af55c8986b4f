package cn.civicloop.web;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/** Where pins are drawn on a Leaflet map, in screen pixels, against the gazetteer's layer drawn on the same map. */
final class MapPins {

    private MapPins() {
    }

    /**
     * The distance in pixels from the centre of the pin {@code pin} (a CSS selector) to the nearest of the layer's
     * dots {@code dots} (a CSS selector); a huge number while either is not drawn.
     */
    static double toNearest(WebDriver browser, String pin, String dots) {
        Object d = ((JavascriptExecutor) browser).executeScript("""
                var pin = document.querySelector(arguments[0]);
                if (!pin) { return 1e9; }
                var p = pin.getBoundingClientRect(), x = p.left + p.width / 2, y = p.top + p.height / 2, best = 1e9;
                document.querySelectorAll(arguments[1]).forEach(function (e) {
                  var r = e.getBoundingClientRect();
                  best = Math.min(best, Math.hypot(r.left + r.width / 2 - x, r.top + r.height / 2 - y));
                });
                return best;""", pin, dots);
        return ((Number) d).doubleValue();
    }
}
