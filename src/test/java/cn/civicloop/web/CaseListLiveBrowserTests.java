package cn.civicloop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import cn.civicloop.support.BrowserTest;

/**
 * The staff case list reloads itself when a case in the viewer's scope changes — pushed over Server-Sent Events,
 * well before its 60 s fallback poll, and without reloading the page.
 */
class CaseListLiveBrowserTests extends BrowserTest {

    @Test
    void aNewAppealAppearsInTheOpenListWithinSeconds() {
        browser.get(url("/login"));
        browser.manage().deleteAllCookies();
        StaffSession staff = new StaffSession(browser, url("")).login("operator");
        String tag = "live" + UUID.randomUUID().toString().substring(0, 8);
        staff.list("?queue=submitted&q=" + tag);
        assertThat(browser.findElements(By.id("cases-empty"))).isNotEmpty();
        WebElement page = browser.findElement(By.tagName("html"));
        Waits.until(browser, 10, d -> "on".equals(d.findElement(By.tagName("body")).getDomAttribute("data-live")));

        Map<String, Object> appeal = Map.of("channel", "WEBSITE", "externalRef", tag, "title", "路灯不亮 " + tag,
                "content", "光明路小区门口的路灯连续三晚不亮 " + tag, "location", Map.of("lat", 34.8597, "lon", 117.5546),
                "contact", Map.of("name", "张三", "phone", "13812345678"));
        String number = api.post("/api/v1/appeals", null, appeal).text("number");

        Waits.until(browser, 10, d -> !d.findElements(By.id("row-" + number)).isEmpty());
        assertThat(page.isDisplayed()).as("the list was swapped in, the page stayed").isTrue();
        assertThat(cspViolations()).isEmpty();
    }
}
