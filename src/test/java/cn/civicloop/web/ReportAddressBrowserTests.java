package cn.civicloop.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumDriver;

import cn.civicloop.geo.ChinaDatum;
import cn.civicloop.geo.GeoPoint;
import cn.civicloop.support.BrowserTest;
import tools.jackson.databind.JsonNode;

/**
 * The resident's report page finds the place from the gazetteer: the map draws its roads and places with no tile
 * server; "use my location" pins the phone's position and reads its address back; typing an address offers the
 * gazetteer's suggestions, picking one moves the pin there and shows it; the report is submitted with that place.
 */
class ReportAddressBrowserTests extends BrowserTest {

    private JsonNode plate(String address) {
        return api.get("/api/v1/places/geocode?q=" + URLEncoder.encode(address, StandardCharsets.UTF_8), null).json()
                .get("candidates").get(0);
    }

    private static String six(JsonNode plate, String field) {
        return String.format(Locale.ROOT, "%.6f", plate.get(field).asDouble());
    }

    @AfterEach
    void noPosition() {
        ((ChromiumDriver) browser).executeCdpCommand("Emulation.clearGeolocationOverride", Map.of());
    }

    @Test
    void aResidentFindsThePlaceByAddressOrByHisLocationAndReportsIt() {
        JsonNode twelve = plate("广济路12号");
        JsonNode fourteen = plate("广济路14号");
        browser.manage().deleteAllCookies();
        browser.get(url("/report?lang=zh_CN"));
        // the gazetteer's own layer: area boundaries and roads drawn as vectors
        Waits.until(browser, 15, d -> !d.findElements(By.cssSelector("#map path.leaflet-interactive")).isEmpty());

        var chromium = (ChromiumDriver) browser;
        chromium.executeCdpCommand("Browser.grantPermissions",
                Map.of("origin", url(""), "permissions", List.of("geolocation")));
        chromium.executeCdpCommand("Emulation.setGeolocationOverride", Map.of("latitude",
                fourteen.get("lat").asDouble(), "longitude", fourteen.get("lon").asDouble(), "accuracy", 10));
        browser.findElement(By.id("use-my-location")).click();
        Waits.until(browser, 15, d -> "广济路14号".equals(d.findElement(By.id("pin-address")).getText()));
        assertThat(browser.findElement(By.id("lat")).getDomProperty("value")).isEqualTo(six(fourteen, "lat"));

        browser.findElement(By.id("title")).sendKeys("门口下水道堵塞");
        browser.findElement(By.id("content")).sendKeys("广济路12号门口下水道堵塞，污水漫到人行道上。");
        WebElement address = browser.findElement(By.id("address"));
        address.sendKeys("广济路1");
        By option = By.cssSelector("#address-suggestions option[value='广济路12号']");
        Waits.until(browser, 15, d -> !d.findElements(option).isEmpty());
        address.sendKeys("2号");
        Waits.until(browser, 15, d -> six(twelve, "lat").equals(d.findElement(By.id("lat")).getDomProperty("value")));
        assertThat(browser.findElement(By.id("lon")).getDomProperty("value")).isEqualTo(six(twelve, "lon"));
        assertThat(browser.findElement(By.id("pin-address")).getText()).isEqualTo("广济路12号");
        assertThat(browser.findElements(By.cssSelector("#map .leaflet-marker-icon"))).hasSize(1);
        // street zoom: the doorplates of the gazetteer are on the map
        Waits.until(browser, 15, d -> !d.findElements(By.cssSelector("#map .places-doorplate")).isEmpty());

        // the page's GCJ-02 shift is the geo module's formula
        @SuppressWarnings("unchecked")
        List<Number> shifted = (List<Number>) ((JavascriptExecutor) browser)
                .executeScript("return PlacesMap.toGcj02(34.8302, 117.5123);");
        GeoPoint expected = ChinaDatum.wgs84ToGcj02(new GeoPoint(34.8302, 117.5123));
        assertThat(shifted.get(0).doubleValue()).isCloseTo(expected.lat(), within(1e-9));
        assertThat(shifted.get(1).doubleValue()).isCloseTo(expected.lon(), within(1e-9));
        @SuppressWarnings("unchecked")
        List<Number> back = (List<Number>) ((JavascriptExecutor) browser)
                .executeScript("return PlacesMap.toWgs84(arguments[0], arguments[1]);", expected.lat(), expected.lon());
        assertThat(back.get(0).doubleValue()).isCloseTo(34.8302, within(1e-8));
        assertThat(back.get(1).doubleValue()).isCloseTo(117.5123, within(1e-8));

        submitWith(By.id("submit"));
        String number = browser.findElement(By.id("case-number")).getText();
        JsonNode view = api.get("/api/v1/cases/" + number, api.login("operator")).json();
        assertThat(view.get("address").asString()).isEqualTo("广济路12号");
        assertThat(String.format(Locale.ROOT, "%.6f", view.get("lat").asDouble())).isEqualTo(six(twelve, "lat"));
        assertThat(String.format(Locale.ROOT, "%.6f", view.get("lon").asDouble())).isEqualTo(six(twelve, "lon"));
        assertThat(view.get("communityCode").asString()).isEqualTo(twelve.get("community").asString());
        assertThat(cspViolations()).isEmpty();
    }
}
