package cn.civicloop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.civicloop.support.BrowserTest;

/**
 * 吹哨报到 on the whistle page: a second-level chief blows the whistle naming the transport bureau; its handler
 * finds it through the navigation, acknowledges and reports on site; the chief sees the state change, rates the
 * department, and his open page picks up a consultation note by itself (htmx polling).
 */
class WhistleBrowserTests extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    private StaffSession staff;

    @BeforeEach
    void freshSession() {
        browser.get(url("/login"));
        browser.manage().deleteAllCookies();
        staff = new StaffSession(browser, url(""));
    }

    @Test
    void aChiefBlowsTheDepartmentAcknowledgesOnThePageAndTheChiefSeesIt() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        cspViolations(); // forget earlier console lines

        staff.login("road2");
        browser.get(url("/workbench"));
        staff.submit(By.id("link-whistles"));
        browser.findElement(By.id("whistle-title")).sendKeys("广济路护栏倒伏 " + tag);
        browser.findElement(By.id("whistle-description")).sendKeys("护栏倒伏侵占车道，需交通部门到场处置");
        new Select(browser.findElement(By.id("whistle-segment"))).selectByValue("R01-1");
        browser.findElement(By.id("dept-JTJ")).click();
        staff.submit(By.id("whistle-submit"));
        assertThat(browser.findElement(By.id("notice")).getText()).contains(tag, "区交通运输局");
        String id = whistleId(tag);
        WebElement line = browser.findElement(By.cssSelector("[id^='whistle-" + id + "-dept-']"));
        assertThat(line.findElement(By.className("ack")).getText()).contains("时限").doesNotContain("超时");
        assertThat(browser.findElement(By.id("whistle-status-" + id)).getText()).isEqualTo("进行中");
        staff.logout();

        staff.login("jtj");
        browser.get(url("/workbench/cases"));
        staff.submit(By.id("nav-whistles"));
        assertThat(whistleId(tag)).isEqualTo(id);
        assertThat(presentNow(By.id("blow-form"))).isEmpty(); // a functional department does not blow
        staff.submit(By.id("acknowledge-" + id));
        assertThat(browser.findElement(By.id("notice")).getText()).contains("已响应");
        assertThat(presentNow(By.id("acknowledge-" + id))).isEmpty();
        browser.findElement(By.id("report-remark-" + id)).sendKeys("交通局已到场，设置警示");
        staff.submit(By.id("report-" + id));
        assertThat(browser.findElement(By.id("notice")).getText()).contains("已到场报到");
        staff.logout();

        staff.login("road2");
        browser.get(url("/roads/whistles"));
        line = browser.findElement(By.cssSelector("[id^='whistle-" + id + "-dept-']"));
        assertThat(line.findElement(By.className("ack")).getText()).matches("\\d\\d:\\d\\d");
        assertThat(line.findElement(By.className("onsite")).getText()).matches("\\d\\d:\\d\\d");
        String dept = line.getDomAttribute("id").substring(("whistle-" + id + "-dept-").length());
        new Select(browser.findElement(By.id("score-" + id + "-" + dept))).selectByValue("5");
        staff.submit(By.id("rate-" + id + "-" + dept));
        assertThat(browser.findElement(By.cssSelector("#whistle-" + id + "-dept-" + dept + " .rating")).getText())
                .isEqualTo("5");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()",
                browser.findElement(By.id("whistle-" + id)));
        screenshot("road-whistles");

        // the department writes a consultation note elsewhere; the chief's open page shows it within one poll
        var note = api.post("/api/v1/roads/whistles/" + id + "/note", api.login("jtj"), Map.of("remark", "会商 " + tag));
        assertThat(note.status()).as(note.body()).isEqualTo(200);
        // the poll replaces the element (outerHTML swap): one read may meet the old node, the next finds the new one
        new WebDriverWait(browser, Duration.ofSeconds(25)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("whistle-state-" + id)).getDomProperty("innerHTML").contains("会商 " + tag));
        assertThat(cspViolations()).isEmpty();

        // had the whistle been blown 40 minutes earlier, both steps would be past their limits (10 / 30 min)
        jdbc.sql("update roads_whistle set blown_at = ? where id = ?")
                .params(Timestamp.from(Instant.now().minus(Duration.ofMinutes(40))), Long.parseLong(id)).update();
        browser.get(url("/roads/whistles"));
        line = browser.findElement(By.id("whistle-" + id + "-dept-" + dept));
        assertThat(line.findElement(By.className("ack")).getText()).contains("超时");
        assertThat(line.findElement(By.className("onsite")).getText()).contains("超时");
        staff.logout();
    }

    private static String whistleId(String tag) {
        WebElement article = browser.findElements(By.cssSelector("#whistles article")).stream()
                .filter(a -> a.getText().contains(tag)).findFirst().orElseThrow();
        return article.getDomAttribute("id").substring("whistle-".length());
    }
}
