package cn.civicloop.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import cn.civicloop.dispatch.DemoBlocks;
import cn.civicloop.support.BrowserTest;
import tools.jackson.databind.JsonNode;

/**
 * The 110 desk's address box: as the call-taker types, the gazetteer's suggestions appear; choosing one pins the
 * call at the doorplate's stored point (the coordinate fields filled, the draft pin on the layer's dot of that
 * doorplate). The call entered at
 * a picked address and dispatched from the ranking to a unit on duty, that unit's phone shows the order with the
 * standard address and its point.
 */
class DeskAddressBrowserTests extends BrowserTest {

    @Test
    void aSuggestedAddressPinsTheCall() {
        JsonNode plate = api.get("/api/v1/places/geocode?q=" + URLEncoder.encode("广济路12号", StandardCharsets.UTF_8),
                null).json().get("candidates").get(0);
        openDesk();
        pickDeskAddress("广济路1", "广济路12号");
        assertThat(browser.findElement(By.id("call-lat")).getAttribute("value"))
                .isEqualTo(String.format(Locale.ROOT, "%.6f", plate.get("lat").asDouble()));
        assertThat(browser.findElement(By.id("call-lon")).getAttribute("value"))
                .isEqualTo(String.format(Locale.ROOT, "%.6f", plate.get("lon").asDouble()));
        assertThat(browser.findElements(By.cssSelector("#desk-map .draft-pin"))).isNotEmpty();
        // WGS84 tiles (the default): pin and layer unshifted, the pin on the layer's dot of the doorplate
        Waits.until(browser, 20, d -> MapPins.toNearest(d, "#desk-map path.draft-pin",
                "#desk-map path.places-doorplate") < 3);
        assertThat(cspViolations()).isEmpty();
    }

    /**
     * Only the units of blocks 1 and 2 have phone accounts in the demo (every unit has a terminal name, but
     * {@code unit-b5-1} cannot log in), and which of them is on duty depends on the hour: the test takes a unit on
     * duty whose phone can log in, and an address near its post, so that the unit is ranked for the call.
     */
    @Test
    void theDeskDispatchesTheCallAtThePickedAddressAndTheUnitsPhoneShowsThatPlace() {
        String deskToken = api.login("police-desk");
        JsonNode unit = api.get("/api/v1/dispatch/units", deskToken).json().valueStream()
                .filter(u -> u.get("onDuty").asBoolean() && "AVAILABLE".equals(u.get("status").asString())
                        && !u.get("terminalAccount").isNull())
                .findFirst().orElseThrow(() -> new IllegalStateException("no free unit on duty with a phone account"));
        String code = unit.get("code").asString();
        JsonNode block = DemoBlocks.block(api, unit.get("blockCode").asString());
        JsonNode place = api.get(String.format(Locale.ROOT, "/api/v1/places/reverse?lat=%.6f&lon=%.6f",
                block.get("postLat").asDouble() + 0.0015, block.get("postLon").asDouble() - 0.0015), null)
                .json().get("place").get("place");
        String label = place.get("label").asString();
        String typed = prefixSuggesting(label);
        String tag = UUID.randomUUID().toString().substring(0, 6);

        openDesk();
        new Select(browser.findElement(By.id("call-type"))).selectByValue("THEFT");
        // priority 1 may take a block's reserve unit: the unit is ranked whether or not its crew partner is out
        new Select(browser.findElement(By.id("call-priority"))).selectByValue("1");
        browser.findElement(By.id("call-summary")).sendKeys("浏览器测试：按标准地址派警 " + tag);
        pickDeskAddress(typed, label);
        Waits.until(browser, 15, d -> String.format(Locale.ROOT, "%.6f", place.get("lat").asDouble())
                .equals(d.findElement(By.id("call-lat")).getAttribute("value")));
        String before = browser.findElement(By.id("incident-number")).getText();
        browser.findElement(By.id("call-submit")).click();
        Waits.until(browser, 15, d -> d.findElement(By.id("incident-number")).getText().startsWith("JQ")
                && !before.equals(d.findElement(By.id("incident-number")).getText()));
        String number = browser.findElement(By.id("incident-number")).getText();
        try {
            Waits.until(browser, 15, d -> d.findElement(By.id("incident-summary")).getText().contains(tag));
            assertThat(browser.findElement(By.id("incident-summary")).getText()).contains(label);
            assertThat(browser.findElements(By.cssSelector("#desk-map .incident-pin"))).isNotEmpty();
            By row = By.cssSelector("#recommendations tr.rec[data-unit='" + code + "'] button.dispatch-btn");
            Waits.until(browser, 20, d -> !d.findElements(row).isEmpty());
            Waits.click(browser, row);
            Waits.until(browser, 15, d -> !d.findElements(By.cssSelector("#incident-units li[data-unit='" + code + "']"))
                    .isEmpty());

            // the unit's phone: the order with the standard address and its point
            logIn(unit.get("terminalAccount").asString());
            browser.get(url("/terminal?lang=zh_CN"));
            Waits.until(browser, 15, d -> number.equals(d.findElement(By.id("order-number")).getText()));
            assertThat(browser.findElement(By.id("order-summary")).getText()).contains(tag);
            String shown = browser.findElement(By.id("order-address")).getText();
            assertThat(shown).contains(label);
            // the phone writes the point with five decimals of the six the desk sent: a last digit may round apart
            Matcher point = Pattern.compile("\\(([0-9.]+), ([0-9.]+)\\)").matcher(shown);
            assertThat(point.find()).as(shown).isTrue();
            assertThat(Double.parseDouble(point.group(1))).isCloseTo(place.get("lat").asDouble(), within(1.1e-5));
            assertThat(Double.parseDouble(point.group(2))).isCloseTo(place.get("lon").asDouble(), within(1.1e-5));
            assertThat(cspViolations()).isEmpty();
        } finally {
            // the unit goes back on patrol: other tests rank the same block's units
            api.post("/api/v1/dispatch/incidents/" + number + "/cancel", deskToken, Map.of("reason", "测试结束"));
        }
    }

    /** The shortest beginning of the label (two characters at least) whose suggestions offer the label. */
    private String prefixSuggesting(String label) {
        for (int n = Math.min(label.length() - 1, 2); n < label.length(); n++) {
            String typed = label.substring(0, n);
            JsonNode offered = api.get("/api/v1/places/suggest?limit=8&q=" + URLEncoder.encode(typed,
                    StandardCharsets.UTF_8), null).json().get("candidates");
            if (offered.valueStream().anyMatch(c -> label.equals(c.get("label").asString()))) {
                return typed;
            }
        }
        throw new IllegalStateException("no beginning of " + label + " is completed to it");
    }
}
