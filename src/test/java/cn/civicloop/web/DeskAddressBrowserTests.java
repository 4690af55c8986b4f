package cn.civicloop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;

import cn.civicloop.support.BrowserTest;
import tools.jackson.databind.JsonNode;

/**
 * The 110 desk's address box: as the call-taker types, the gazetteer's suggestions appear; choosing one pins the
 * call at the doorplate's stored point (the coordinate fields filled, the draft pin on the map); the call entered
 * there and dispatched, the unit's phone shows the standard address and its point.
 */
class DeskAddressBrowserTests extends BrowserTest {

    private WebDriver phone;

    @Test
    void aSuggestedAddressPinsTheCallAndTheUnitsPhoneShowsThatPlace() throws IOException {
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

        // the call is entered at that place and a unit dispatched: its phone shows the standard address and point
        new Select(browser.findElement(By.id("call-type"))).selectByValue("THEFT");
        browser.findElement(By.id("call-summary")).sendKeys("浏览器测试：按标准地址派警");
        browser.findElement(By.id("call-submit")).click();
        Waits.until(browser, 15, d -> d.findElement(By.id("incident-number")).getText().startsWith("JQ"));
        String number = browser.findElement(By.id("incident-number")).getText();
        Waits.until(browser, 20, d -> !d.findElements(By.cssSelector("#recommendations tr.rec")).isEmpty());
        String unit = Waits.read(browser, d -> d.findElement(By.cssSelector("#recommendations tr.rec"))
                .getAttribute("data-unit"));
        Waits.click(browser, By.cssSelector("#recommendations tr.rec button.dispatch-btn"));
        Waits.until(browser, 15, d -> "DISPATCHED".equals(d.findElement(By.id("incident-status"))
                .getAttribute("data-status")));
        phone = startPhone();
        new StaffSession(phone, url("")).login("unit-" + unit.toLowerCase(Locale.ROOT));
        phone.get(url("/terminal?lang=zh_CN"));
        Waits.until(phone, 15, d -> number.equals(d.findElement(By.id("order-number")).getText()));
        assertThat(phone.findElement(By.id("order-address")).getText()).contains("广济路12号")
                .contains(String.format(Locale.ROOT, "%.5f, %.5f", plate.get("lat").asDouble(),
                        plate.get("lon").asDouble()));
    }

    @AfterEach
    void closePhone() {
        if (phone != null) {
            phone.quit();
            phone = null;
        }
    }

    /** A second browser for the unit's phone, set up like the base class's. */
    private static WebDriver startPhone() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--disable-sync", "--window-size=420,900", "--lang=zh-CN",
                "--user-data-dir=" + Files.createTempDirectory("civicloop-phone"));
        WebDriver d = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).build(), options);
        d.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
        return d;
    }
}
