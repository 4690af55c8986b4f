package cn.civicloop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.test.context.TestPropertySource;

import cn.civicloop.support.BrowserTest;
import tools.jackson.databind.JsonNode;

/**
 * Over GCJ-02 tiles (configured here as in PlacesLayerTests, so both share one application) the gazetteer's layer is
 * shifted onto the tiles by the server, and the pins must be shifted the same way: at the 110 desk the call picked at
 * 广济路12号 is pinned on the layer's dot of that doorplate, while the coordinates kept for the call stay WGS84. With
 * the default WGS84 tiles the same holds unshifted (DeskAddressBrowserTests).
 */
@TestPropertySource(properties = { "civicloop.intake.place-by-address=true",
        "civicloop.places.tiles.url=https://tiles.example.gov.cn/{z}/{x}/{y}.png", "civicloop.places.tiles.crs=GCJ02" })
class MapsDatumBrowserTests extends BrowserTest {

    @Test
    void overGcj02TilesTheDesksPinSitsOnTheLayersDoorplateAndTheCallKeepsWgs84() {
        JsonNode plate = api.get("/api/v1/places/geocode?q=" + URLEncoder.encode("广济路12号", StandardCharsets.UTF_8),
                null).json().get("candidates").get(0);
        // the blocks are drawn (and the map fitted to them) before the address is picked
        openDesk();
        assertThat(browser.findElement(By.id("desk-map")).getAttribute("data-tiles-crs")).isEqualTo("GCJ02");
        pickDeskAddress("广济路1", "广济路12号");
        assertThat(browser.findElement(By.id("call-lat")).getAttribute("value"))
                .isEqualTo(String.format(Locale.ROOT, "%.6f", plate.get("lat").asDouble()));
        assertThat(browser.findElement(By.id("call-lon")).getAttribute("value"))
                .isEqualTo(String.format(Locale.ROOT, "%.6f", plate.get("lon").asDouble()));
        // at street zoom the layer draws the doorplates (shifted by the server): the pin is on 12号's dot. Unshifted
        // it would sit some hundred metres (hundreds of pixels at zoom 17) away from it.
        Waits.until(browser, 20, d -> MapPins.toNearest(d, "#desk-map path.draft-pin",
                "#desk-map path.places-doorplate") < 3);
    }
}
