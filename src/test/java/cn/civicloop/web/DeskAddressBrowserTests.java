package cn.civicloop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

import cn.civicloop.support.BrowserTest;
import tools.jackson.databind.JsonNode;

/**
 * The 110 desk's address box: as the call-taker types, the gazetteer's suggestions appear; choosing one pins the
 * call at the doorplate's stored point (the coordinate fields filled, the draft pin on the map).
 */
class DeskAddressBrowserTests extends BrowserTest {

    @Test
    void aSuggestedAddressPinsTheCall() {
        JsonNode plate = api.get("/api/v1/places/geocode?q=" + URLEncoder.encode("广济路12号", StandardCharsets.UTF_8),
                null).json().get("candidates").get(0);
        browser.manage().window().setSize(new Dimension(1280, 1000));
        browser.manage().deleteAllCookies();
        new StaffSession(browser, url("")).login("police-desk");
        browser.get(url("/dispatch?lang=zh_CN"));
        WebElement address = browser.findElement(By.id("call-address"));
        address.sendKeys("广济路1");
        By twelve = By.cssSelector("#call-address-suggestions option[value='广济路12号']");
        Waits.until(browser, 15, d -> !d.findElements(twelve).isEmpty());
        address.sendKeys("2号");
        Waits.until(browser, 15, d -> !d.findElement(By.id("call-lat")).getAttribute("value").isEmpty());
        assertThat(browser.findElement(By.id("call-lat")).getAttribute("value"))
                .isEqualTo(String.format(Locale.ROOT, "%.6f", plate.get("lat").asDouble()));
        assertThat(browser.findElement(By.id("call-lon")).getAttribute("value"))
                .isEqualTo(String.format(Locale.ROOT, "%.6f", plate.get("lon").asDouble()));
        assertThat(browser.findElements(By.cssSelector("#desk-map .draft-pin"))).isNotEmpty();
        assertThat(cspViolations()).isEmpty();
    }
}
