package cn.civicloop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

import cn.civicloop.dispatch.DemoBlocks;
import cn.civicloop.shared.web.TimeLabels;
import cn.civicloop.support.BrowserTest;
import tools.jackson.databind.JsonNode;

/**
 * The 110 desk, a unit's phone and the command map in real browsers: the desk starts with no place; a call is
 * placed by a click on the desk's map (ranking is refused, with the reason, until it is), the nearest unit is
 * dispatched with one click, the order appears on the unit's terminal by push, the unit acknowledges and reports
 * arrival, and the command map shows the unit on scene. Both browsers run in UTC, like a server or a laptop set
 * to it: every time must still read as Asia/Shanghai.
 */
class DispatchBrowserTests extends BrowserTest {

    private static final String DESK = "police-desk";

    private WebDriver phone;

    @BeforeEach
    void browserInUtc() {
        inUtc(browser);
        browser.manage().window().setSize(new Dimension(1280, 1000));
    }

    @AfterEach
    void closePhone() {
        if (phone != null) {
            phone.quit();
            phone = null;
        }
    }

    @Test
    void aCallIsPlacedOnTheMapDispatchedWithOneClickAndTheUnitAnswersFromItsPhone() throws IOException {
        StaffSession desk = new StaffSession(browser, url(""));
        browser.manage().deleteAllCookies();
        desk.login(DESK);
        assertThat(browser.getCurrentUrl()).as("the desk's home after login").contains("/dispatch");
        browser.get(url("/workbench"));
        assertThat(browser.findElements(By.id("link-dispatch"))).as("workbench links to the desk").isNotEmpty();
        browser.get(url("/dispatch?lang=zh_CN"));
        JsonNode b1 = DemoBlocks.block(api, "B1");
        By b1Post = By.cssSelector("#desk-map .post-icon[title='" + b1.get("post").asString() + "']");
        Waits.until(browser, 15, d -> !d.findElements(b1Post).isEmpty());
        assertThat(browser.findElement(By.id("call-lat")).getAttribute("value")).as("the desk starts empty").isEmpty();
        assertThat(browser.findElement(By.id("call-lon")).getAttribute("value")).isEmpty();
        assertThat(presentNow(By.cssSelector("#desk-map .draft-pin"))).isEmpty();

        // a call with an address only: registered at once, but no unit is ranked for it
        new Select(browser.findElement(By.id("call-type"))).selectByValue("THEFT");
        browser.findElement(By.id("call-summary")).sendKeys("浏览器测试：超市门口电动车被盗");
        browser.findElement(By.id("call-address")).sendKeys("中心块区警务站附近超市");
        browser.findElement(By.id("call-name")).sendKeys("孙悦");
        browser.findElement(By.id("call-phone")).sendKeys("13800001111");
        browser.findElement(By.id("call-submit")).click();
        Waits.until(browser, 15, d -> d.findElement(By.id("incident-number")).getText().startsWith("JQ"));
        String number = browser.findElement(By.id("incident-number")).getText();
        Waits.until(browser, 15, d -> d.findElement(By.id("rec-message")).isDisplayed());
        assertThat(browser.findElement(By.id("rec-message")).getText()).startsWith("尚无位置");
        assertThat(presentNow(By.cssSelector("#recommendations tr.rec"))).isEmpty();
        assertThat(browser.findElement(By.id("place-needed")).isDisplayed()).isTrue();

        // typed coordinates are checked as they are typed, never cut short
        browser.findElement(By.id("call-lat")).sendKeys("34.86348934.8100");
        browser.findElement(By.id("call-lon")).sendKeys("117.55");
        assertThat(browser.findElement(By.id("place-status")).getText()).startsWith("坐标格式不正确");
        browser.findElement(By.id("place-submit")).click();
        assertThat(browser.findElement(By.id("place-needed-text")).getText()).startsWith("坐标格式不正确");
        browser.findElement(By.id("place-clear")).click();

        // a click on the desk's map places it
        WebElement post = browser.findElement(b1Post);
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", post);
        new Actions(browser).moveToElement(post, 3, 3).click().perform();
        Waits.until(browser, 20, d -> !d.findElement(By.id("call-lat")).getAttribute("value").isEmpty());
        assertThat(browser.findElements(By.cssSelector("#desk-map .draft-pin"))).isNotEmpty();
        double lat = Double.parseDouble(browser.findElement(By.id("call-lat")).getAttribute("value"));
        double lon = Double.parseDouble(browser.findElement(By.id("call-lon")).getAttribute("value"));
        browser.findElement(By.id("place-submit")).click();
        Waits.until(browser, 15, d -> !d.findElements(By.cssSelector("#desk-map .incident-pin")).isEmpty());
        Waits.until(browser, 15, d -> !d.findElements(By.cssSelector("#recommendations tr.rec")).isEmpty());
        assertThat(browser.findElement(By.id("rec-message")).isDisplayed()).isFalse();
        String unit = Waits.read(browser, d -> d.findElement(By.cssSelector("#recommendations tr.rec")).getAttribute("data-unit"));
        assertThat(unit).startsWith("B1-");
        assertThat(Waits.<String>read(browser, d -> d.findElement(By.cssSelector("#recommendations tr.rec td.eta small.distance")).getText()))
                .as("ranked from the clicked place, not from the post").isNotEqualTo("0.00 公里").endsWith("公里");

        phone = startPhone();
        StaffSession officer = new StaffSession(phone, url(""));
        officer.login("unit-" + unit.toLowerCase());
        phone.get(url("/terminal?lang=zh_CN"));
        Waits.until(phone, 15, d -> "AVAILABLE".equals(d.findElement(By.id("unit-status")).getAttribute("data-status")));
        assertThat(phone.findElement(By.id("unit-status")).getAttribute("data-duty")).isEqualTo("on");
        assertThat(phone.findElement(By.id("unit-status")).getText()).isEqualTo("巡逻可派");
        assertThat(phone.findElement(By.id("unit-duty")).getText()).startsWith("在班");
        assertThat(phone.findElement(By.id("order")).isDisplayed()).isFalse();

        Waits.click(browser, By.cssSelector("#recommendations tr.rec button.dispatch-btn"));
        Waits.until(browser, 15, d -> "DISPATCHED".equals(d.findElement(By.id("incident-status")).getAttribute("data-status")));
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        screenshot("dispatch-desk");

        // the order arrives on the phone by push, without reloading the page, with the caller's place
        Waits.until(phone, 15, d -> number.equals(d.findElement(By.id("order-number")).getText()));
        assertThat(phone.findElement(By.id("order-summary")).getText()).contains("电动车被盗");
        assertThat(phone.findElement(By.id("order-address")).getText())
                .contains(String.format(java.util.Locale.ROOT, "%.5f, %.5f", lat, lon));
        phone.findElement(By.id("btn-ack")).click();
        Waits.until(phone, 15, d -> "ACKNOWLEDGED".equals(d.findElement(By.id("unit-status")).getAttribute("data-status")));
        phone.findElement(By.id("btn-arrive")).click();
        Waits.until(phone, 15, d -> "ON_SCENE".equals(d.findElement(By.id("unit-status")).getAttribute("data-status")));
        assertThat(phone.findElement(By.id("order-commander")).isDisplayed()).isTrue();
        phone.findElement(By.id("msg-body")).sendKeys("已到现场，正在调取监控");
        phone.findElement(By.id("msg-send")).click();

        Waits.until(browser, 15, d -> "ON_SCENE".equals(d.findElement(By.id("incident-status")).getAttribute("data-status")));
        Waits.until(browser, 15, d -> d.findElement(By.id("messages")).getText().contains("正在调取监控"));
        assertThat(browser.findElement(By.id("incident-log")).getText()).contains("定位").contains("派警")
                .doesNotContain("DISPATCH_UNIT").doesNotContain("ENTER");

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
    void timesReadAsShanghaiLabelsFollowThePageLanguageAndTheTerminalShowsTheRoster() throws IOException {
        // 17:30 UTC is 01:30 of the next day in Shanghai: a UTC browser wrote the wrong hour and the wrong day
        Instant now = Instant.now();
        Instant received = now.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofMinutes(17 * 60 + 30));
        received = received.isAfter(now) ? received.minus(Duration.ofDays(1)) : received;
        String shanghai = new TimeLabels(Clock.systemUTC()).at(received);
        assertThat(shanghai).endsWith("01:30");
        JsonNode b2 = DemoBlocks.block(api, "B2");
        Map<String, Object> call = new HashMap<>();
        call.put("type", "DISPUTE");
        call.put("summary", "饭店结账发生争执");
        call.put("lat", b2.get("postLat").asDouble() + 0.002);
        call.put("lon", b2.get("postLon").asDouble());
        call.put("receivedAt", received.toString());
        call.put("separate", true);
        JsonNode entered = api.post("/api/v1/dispatch/incidents", api.login(DESK), call).json();
        String number = entered.get("incident").get("number").asString();

        browser.manage().deleteAllCookies();
        new StaffSession(browser, url("")).login(DESK);
        browser.get(url("/dispatch?lang=en"));
        String row = "#incident-list tr[data-number='" + number + "']";
        Waits.until(browser, 15, d -> !d.findElements(By.cssSelector(row)).isEmpty());
        assertThat(textOf(browser, By.cssSelector(row + " span.received"))).isEqualTo(shanghai);
        assertThat(textOf(browser, By.cssSelector(row + " td.status-cell"))).isEqualTo("Awaiting unit");
        Waits.until(browser, 10, d -> {
            d.findElement(By.cssSelector(row)).click();
            return true;
        });
        Waits.until(browser, 15, d -> number.equals(d.findElement(By.id("incident-number")).getText()));
        Waits.until(browser, 15, d -> !d.findElements(By.cssSelector("#recommendations tr.rec")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("#incident-stamps dd[data-stamp=received]")).getText()).isEqualTo(shanghai);
        assertThat(browser.findElement(By.id("incident-status")).getText()).isEqualTo("Awaiting unit");
        assertThat(browser.findElement(By.cssSelector("#incident-log li[data-action=ENTER]")).getText())
                .contains("Call entered").contains("Awaiting unit").doesNotContain("ENTER").doesNotContain("OPEN");
        assertThat(Waits.<String>read(browser, d -> d.findElement(By.cssSelector("#recommendations tr.rec td.why")).getText()))
                .isIn("Own block", "Another block: arrives sooner");
        statusesFitOnOneLine("desktop");
        browser.manage().window().setSize(new Dimension(420, 900));
        statusesFitOnOneLine("phone");
        browser.manage().window().setSize(new Dimension(1280, 1000));

        String unit = Waits.read(browser, d -> d.findElement(By.cssSelector("#recommendations tr.rec")).getAttribute("data-unit"));
        api.post("/api/v1/dispatch/incidents/" + number + "/dispatch", api.login(DESK), Map.of("unit", unit));
        phone = startPhone();
        new StaffSession(phone, url("")).login("unit-" + unit.toLowerCase());
        phone.get(url("/terminal?lang=en"));
        Waits.until(phone, 15, d -> number.equals(d.findElement(By.id("order-number")).getText()));
        assertThat(phone.findElement(By.id("order-received")).getText()).isEqualTo("Call received " + shanghai);
        assertThat(phone.findElement(By.id("unit-status")).getText()).isEqualTo("Dispatched");
        assertThat(phone.findElement(By.id("unit-duty")).getText()).startsWith("On duty: ");
        api.post("/api/v1/dispatch/incidents/" + number + "/cancel", api.login(DESK), Map.of("reason", "test"));

        // a unit of a resting crew is not "available" on its phone: the desk is never offered it
        JsonNode offDuty = api.get("/api/v1/dispatch/units", api.login(DESK)).json().valueStream()
                .filter(u -> !u.get("onDuty").asBoolean() && u.get("status").asString().equals("AVAILABLE")
                        && !u.get("terminalAccount").isNull())
                .findFirst().orElseThrow();
        phone.manage().deleteAllCookies();
        new StaffSession(phone, url("")).login(offDuty.get("terminalAccount").asString());
        phone.get(url("/terminal?lang=zh_CN"));
        Waits.until(phone, 15, d -> "off".equals(d.findElement(By.id("unit-status")).getAttribute("data-duty")));
        assertThat(phone.findElement(By.id("unit-status")).getText()).isEqualTo("不在班（休班）");
        assertThat(phone.findElement(By.id("unit-duty")).getText()).startsWith("下一班：");
    }

    /** The text of an element that a push may re-render meanwhile. */
    private static String textOf(WebDriver d, By by) {
        String[] text = new String[1];
        Waits.until(d, 10, x -> {
            text[0] = x.findElement(by).getText();
            return true;
        });
        return text[0];
    }

    /** Each incident's status in the desk's list reads on one line (it was squeezed to a character per line). */
    private void statusesFitOnOneLine(String width) {
        @SuppressWarnings("unchecked")
        List<Long> lines = (List<Long>) ((JavascriptExecutor) browser).executeScript("""
                return Array.from(document.querySelectorAll('#incident-list tbody tr')).map(function (tr) {
                  var texts = document.createTreeWalker(tr.lastElementChild, NodeFilter.SHOW_TEXT), text, tops = {};
                  while ((text = texts.nextNode())) {
                    var range = document.createRange();
                    range.selectNodeContents(text);
                    Array.from(range.getClientRects()).forEach(function (r) { if (r.width > 0) { tops[Math.round(r.top)] = 1; } });
                  }
                  return Object.keys(tops).length;
                });""");
        assertThat(lines).as(width).isNotEmpty().allMatch(n -> n == 1);
    }

    @Test
    void aHandlerCannotOpenTheDesk() {
        browser.manage().deleteAllCookies();
        new StaffSession(browser, url("")).login("zfj");
        browser.get(url("/dispatch"));
        assertThat(presentNow(By.id("call-form"))).isEmpty();
        browser.get(url("/terminal"));
        assertThat(presentNow(By.id("order-card"))).isEmpty();
    }


    /** The browser's own time zone is UTC (the server's and the CI machine's), whatever the machine's. */
    private static void inUtc(WebDriver d) {
        ((ChromiumDriver) d).executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "UTC"));
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
        inUtc(d);
        return d;
    }
}
