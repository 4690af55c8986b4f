package cn.civicloop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import cn.civicloop.support.BrowserTest;
import tools.jackson.databind.JsonNode;

/**
 * The road chiefs on their phone pages: an inspector starts a patrol, finds his own segment first and his roads on
 * the map, sets his position with a tap (or types it), records it and reports an issue he cannot fix; his squad leader (level 2) finds it in his list and hands it to the governance loop, where it
 * becomes a case; the weekly briefing counts it.
 */
class RoadChiefBrowserTests extends BrowserTest {

    private StaffSession staff;

    @BeforeEach
    void freshSession() {
        browser.get(url("/login"));
        browser.manage().deleteAllCookies();
        staff = new StaffSession(browser, url(""));
    }

    @Test
    void anInspectorsIssueReachesHisSquadLeaderBecomesACaseAndIsCounted() {
        JsonNode before = area(api.get("/api/v1/roads/briefing", api.login("leader")).json(), "A01");
        String tag = UUID.randomUUID().toString().substring(0, 6);

        staff.login("road3");
        browser.get(url("/roads/patrol"));
        if (!presentNow(By.id("patrol-start")).isEmpty()) {
            staff.submit(By.id("patrol-start"));
        }
        assertThat(browser.findElement(By.id("patrol-running")).isDisplayed()).isTrue();
        // his own segment first in the picker; his segments on the map, where a tap sets the position
        assertThat(new Select(browser.findElement(By.id("issue-segment"))).getOptions().get(1).getDomAttribute("value"))
                .isEqualTo("R01-1");
        assertThat(browser.findElement(By.cssSelector("#segments-own option")).getText()).contains("R01-1", "广济路");
        WebElement map = browser.findElement(By.id("road-map"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> map.getDomAttribute("class").contains("leaflet-container")
                && d.findElements(By.cssSelector("#road-map path.leaflet-interactive")).size() >= 2);
        map.click(); // the map opens on his segment: its middle lies on 广济路
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> d.findElement(By.id("position-road")).getText().contains("R01-1"));
        assertThat(browser.findElement(By.id("pos-lat")).getDomProperty("value")).startsWith("34.83");
        assertThat(browser.findElement(By.id("issue-lon")).getDomProperty("value")).startsWith("117.5");
        assertThat(cspViolations()).isEmpty();
        // a position on 广济路 (R01-1), typed in: the headless browser has no GPS
        clearAndType("pos-lat", "34.830107");
        clearAndType("pos-lon", "117.521667");
        staff.submit(By.id("position-submit"));
        assertThat(browser.findElement(By.id("notice")).getText()).contains("R01-1");

        clearAndType("issue-title", "广济路路面坑槽 " + tag);
        browser.findElement(By.id("issue-description")).sendKeys("路面坑槽约半米见方，需要专业修补，现场无法处置。");
        clearAndType("issue-lat", "34.830107");
        clearAndType("issue-lon", "117.521667");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        screenshot("road-patrol");
        staff.submit(By.id("issue-submit"));
        assertThat(browser.findElement(By.id("notice")).getText()).contains("袁轩");
        staff.logout();

        staff.login("road2");
        browser.get(url("/roads/patrol"));
        WebElement article = browser.findElements(By.cssSelector("#issues article")).stream()
                .filter(a -> a.getText().contains(tag)).findFirst().orElseThrow();
        String id = article.getDomAttribute("id").substring("issue-".length());
        assertThat(browser.findElement(By.id("issue-holder-" + id)).getText()).isEqualTo("袁轩");
        browser.findElement(By.id("handover-remark-" + id)).sendKeys("需交通部门修补路面");
        staff.submit(By.id("handover-" + id));
        String number = browser.findElement(By.id("issue-case-" + id)).getText();
        assertThat(number).startsWith("SZ-");
        assertThat(browser.findElement(By.id("issue-status-" + id)).getText()).isEqualTo("已移交部门");
        assertThat(api.get("/api/v1/cases/" + number, api.login("dispatcher")).json().get("channel").asString())
                .isEqualTo("ROAD_CHIEF");

        browser.get(url("/roads/briefing"));
        WebElement row = browser.findElement(By.id("area-A01"));
        assertThat(number(row, "found")).isEqualTo(before.get("found").asInt() + 1);
        assertThat(number(row, "escalated")).isEqualTo(before.get("escalated").asInt() + 1);
        assertThat(number(row, "handed")).isEqualTo(before.get("handedOver").asInt() + 1);
        assertThat(number(browser.findElement(By.id("chief-L2-S01")), "handed")).isPositive();
        screenshot("road-briefing");
        staff.logout();
    }

    private void clearAndType(String id, String text) {
        WebElement e = browser.findElement(By.id(id));
        e.clear();
        e.sendKeys(text);
    }

    private static int number(WebElement row, String cls) {
        return Integer.parseInt(row.findElement(By.className(cls)).getText().strip());
    }

    private static JsonNode area(JsonNode briefing, String code) {
        for (JsonNode a : briefing.get("areas")) {
            if (a.get("code").asString().equals(code)) {
                return a;
            }
        }
        throw new IllegalStateException("no area " + code);
    }
}
