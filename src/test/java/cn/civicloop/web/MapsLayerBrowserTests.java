package cn.civicloop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

import cn.civicloop.support.BrowserTest;

/**
 * Every Leaflet map of the application draws the gazetteer's own layer (roads with their names, area boundaries)
 * with no tile server configured: the command map, the leaders' dashboard and the public board, besides the report,
 * case and desk maps tested elsewhere.
 */
class MapsLayerBrowserTests extends BrowserTest {

    /** How the layer's features show in the SVG: roads and areas by the classes places-map.js gives them. */
    private static final java.util.Map<String, String> SELECTORS = java.util.Map.of("places-road",
            "path.places-road", "places-area", "path.places-area");

    private record MapPage(String user, String path, String map, List<String> layers) {
    }

    @Test
    void everyMapIsReadableFromTheApplicationsOwnLayer() {
        browser.manage().window().setSize(new Dimension(1280, 1000));
        List<MapPage> pages = List.of(
                new MapPage("police-desk", "/dispatch/map?lang=zh_CN", "command-map",
                        List.of("places-road", "places-area")),
                new MapPage("leader", "/dashboard?lang=zh_CN", "dash-map", List.of("places-road", "places-area")),
                new MapPage(null, "/board?lang=zh_CN", "board-map", List.of("places-road")));
        for (MapPage page : pages) {
            browser.manage().deleteAllCookies();
            if (page.user() != null) {
                new StaffSession(browser, url("")).login(page.user());
            }
            browser.get(url(page.path()));
            for (String layer : page.layers()) {
                By drawn = By.cssSelector("#" + page.map() + " " + SELECTORS.get(layer));
                Waits.until(browser, 20, d -> !d.findElements(drawn).isEmpty());
            }
            // nothing asked of a tile server: the map is readable offline
            assertThat(browser.findElements(By.cssSelector("#" + page.map() + " img.leaflet-tile"))).as(page.path())
                    .isEmpty();
            assertThat(cspViolations()).as(page.path()).isEmpty();
        }
    }
}
