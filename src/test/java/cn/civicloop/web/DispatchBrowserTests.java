package cn.civicloop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;

import cn.civicloop.support.BrowserTest;

/**
 * The 110 desk, a unit's phone and the command map in real browsers: a call is entered, the nearest unit is
 * recommended and dispatched with one click, the order appears on the unit's terminal by push, the unit
 * acknowledges and reports arrival, and the command map shows the unit on scene.
 */
class DispatchBrowserTests extends BrowserTest {

    private WebDriver phone;

    @AfterEach
    void closePhone() {
        if (phone != null) {
            phone.quit();
            phone = null;
        }
    }

    @Test
    void aCallIsDispatchedWithOneClickAndTheUnitAnswersFromItsPhone() throws IOException {
        StaffSession desk = new StaffSession(browser, url(""));
        browser.manage().deleteAllCookies();
        desk.login("police-desk");
        assertThat(browser.findElements(By.id("link-dispatch"))).as("workbench links to the desk").isNotEmpty();
        browser.get(url("/dispatch?lang=zh_CN"));
        Waits.until(browser, 15, d -> !d.findElement(By.id("call-lat")).getAttribute("value").isEmpty());
        new Select(browser.findElement(By.id("call-type"))).selectByValue("THEFT");
        browser.findElement(By.id("call-summary")).sendKeys("浏览器测试：超市门口电动车被盗");
        browser.findElement(By.id("call-address")).sendKeys("中心块区警务站附近");
        browser.findElement(By.id("call-name")).sendKeys("孙悦");
        browser.findElement(By.id("call-phone")).sendKeys("13800001111");
        browser.findElement(By.id("call-submit")).click();
        Waits.until(browser, 15, d -> !d.findElements(By.cssSelector("#recommendations tr.rec")).isEmpty());
        String number = browser.findElement(By.id("incident-number")).getText();
        assertThat(number).startsWith("JQ");
        String unit = browser.findElement(By.cssSelector("#recommendations tr.rec")).getAttribute("data-unit");
        assertThat(unit).startsWith("B1-");

        phone = startPhone();
        StaffSession officer = new StaffSession(phone, url(""));
        officer.login("unit-" + unit.toLowerCase());
        phone.get(url("/terminal?lang=zh_CN"));
        Waits.until(phone, 15, d -> "AVAILABLE".equals(d.findElement(By.id("unit-status")).getAttribute("data-status")));
        assertThat(phone.findElement(By.id("order")).isDisplayed()).isFalse();

        browser.findElement(By.cssSelector("#recommendations tr.rec button.dispatch-btn")).click();
        Waits.until(browser, 15, d -> "DISPATCHED".equals(d.findElement(By.id("incident-status")).getAttribute("data-status")));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        screenshot("dispatch-desk");

        // the order arrives on the phone by push, without reloading the page
        Waits.until(phone, 15, d -> number.equals(d.findElement(By.id("order-number")).getText()));
        assertThat(phone.findElement(By.id("order-summary")).getText()).contains("电动车被盗");
        phone.findElement(By.id("btn-ack")).click();
        Waits.until(phone, 15, d -> "ACKNOWLEDGED".equals(d.findElement(By.id("unit-status")).getAttribute("data-status")));
        phone.findElement(By.id("btn-arrive")).click();
        Waits.until(phone, 15, d -> "ON_SCENE".equals(d.findElement(By.id("unit-status")).getAttribute("data-status")));
        assertThat(phone.findElement(By.id("order-commander")).isDisplayed()).isTrue();
        phone.findElement(By.id("msg-body")).sendKeys("已到现场，正在调取监控");
        phone.findElement(By.id("msg-send")).click();

        Waits.until(browser, 15, d -> "ON_SCENE".equals(d.findElement(By.id("incident-status")).getAttribute("data-status")));
        Waits.until(browser, 15, d -> d.findElement(By.id("messages")).getText().contains("正在调取监控"));

        browser.get(url("/dispatch/map?lang=zh_CN"));
        By onScene = By.cssSelector("#command-map path.unit-" + unit + ".status-ON_SCENE");
        Waits.until(browser, 15, d -> !d.findElements(onScene).isEmpty());
        Waits.until(browser, 15, d -> !d.findElements(By.cssSelector("#counters tr[data-block=B1] td.busy")).isEmpty());
        assertThat(Integer.parseInt(browser.findElement(By.cssSelector("#counters tr[data-block=B1] td.busy")).getText()))
                .isPositive();
        assertThat(browser.findElements(By.cssSelector("#command-map .incident-icon"))).isNotEmpty();
        screenshot("dispatch-map");

        // the unit clears; the map turns it back to available by push
        phone.findElement(By.id("btn-clear")).click();
        Waits.until(browser, 15, d -> !d.findElements(By.cssSelector("#command-map path.unit-" + unit + ".status-AVAILABLE")).isEmpty());
        Waits.until(browser, 15, d -> !d.findElements(By.cssSelector("#response-times tr[data-group=B1]")).isEmpty());
    }

    @Test
    void aHandlerCannotOpenTheDesk() {
        browser.manage().deleteAllCookies();
        new StaffSession(browser, url("")).login("zfj");
        browser.get(url("/dispatch"));
        assertThat(browser.findElements(By.id("call-form"))).isEmpty();
        browser.get(url("/terminal"));
        assertThat(browser.findElements(By.id("order-card"))).isEmpty();
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
