package cn.civicloop.web;

import static cn.civicloop.support.CaseSteps.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import cn.civicloop.support.BrowserTest;

/** The residents' pages in a real browser: report with a map pin, track, answer the follow-up, reopen once. */
class ResidentPortalBrowserTests extends BrowserTest {

    @Test
    void aResidentReportsTracksRatesAndReopensThroughThePages() {
        browser.get(url("/report?lang=zh_CN"));
        browser.findElement(By.id("title")).sendKeys("广济路路灯不亮（网页提交）");
        browser.findElement(By.id("content")).sendKeys("广济路中段路灯连续三晚不亮，夜间出行不便。");
        browser.findElement(By.id("address")).sendKeys("广济路中段");
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> !d.findElements(By.cssSelector("#map path.leaflet-interactive")).isEmpty());
        // click inside a street's polygon: the pin lands inside the district
        WebElement street = browser.findElements(By.cssSelector("#map path.leaflet-interactive")).get(0);
        new Actions(browser).moveToElement(street).click().perform();
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> !d.findElement(By.id("lat")).getDomProperty("value").isEmpty());
        browser.findElement(By.id("name")).sendKeys("王大爷");
        browser.findElement(By.id("phone")).sendKeys("13800001234");
        screenshot("report-form");
        submitWith(By.id("submit"));

        String number = browser.findElement(By.id("case-number")).getText();
        String token = browser.findElement(By.id("tracking-token")).getText();
        assertThat(number).matches("SZ-\\d{8}-\\d{6}");
        assertThat(browser.findElement(By.id("expected")).getText()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
        screenshot("report-done");

        JsonCase.walkToFollowUp(this, number);

        track(number, token);
        assertThat(browser.findElement(By.id("case-status")).getText()).isEqualTo("待回访");
        assertThat(browser.findElement(By.id("case-reply")).getText()).contains("已更换");
        assertThat(browser.findElement(By.id("case-phone")).getText()).isEqualTo("138****1234");
        assertThat(browser.getPageSource()).doesNotContain("13800001234");
        screenshot("track-follow-up");
        browser.findElement(By.id("resolved-yes")).click();
        new Select(browser.findElement(By.id("satisfaction"))).selectByValue("SATISFIED");
        submitWith(By.id("follow-up-submit"));
        assertThat(browser.findElement(By.id("case-status")).getText()).isEqualTo("已办结");

        browser.findElement(By.id("reason")).sendKeys("过了两天又不亮了");
        submitWith(By.id("reopen-submit"));
        assertThat(browser.findElement(By.id("case-status")).getText()).isEqualTo("已派单待签收");
        assertThat(presentNow(By.id("reopen-form"))).isEmpty();
    }

    @Test
    void theEnglishTrackPageNamesWhoActedInEnglishAndDepartmentsByTheirName() {
        var answer = submit(appeal("路灯不亮（英文查询）"));
        String number = answer.text("number");
        JsonCase.walkToFollowUp(this, number);
        browser.get(url("/track?lang=en"));
        track(number, answer.text("trackingToken"));
        String timeline = browser.findElement(By.id("timeline")).getText();
        assertThat(timeline).contains("Resident").contains("District Social Governance Service Centre")
                .contains("Submit").doesNotContain("群众").doesNotContain("区社会治理服务中心").doesNotContain("受理");
        // a department's name is data, shown as it is stored
        assertThat(browser.findElements(By.cssSelector("#timeline .timeline-by")).stream().map(WebElement::getText))
                .contains("区综合行政执法局");
        assertThat(browser.findElement(By.id("case-status")).getText()).isEqualTo("Waiting for follow-up");
        browser.get(url("/track?lang=zh_CN"));
    }

    @Test
    void aWrongTrackingCodeRevealsNothing() {
        // the language is a cookie of the shared browser: another test of this class may have left it English
        browser.get(url("/track?lang=zh_CN"));
        browser.findElement(By.id("number")).sendKeys("SZ-20260101-000001");
        browser.findElement(By.id("token")).sendKeys("guessed-code");
        submitWith(By.id("track-submit"));
        assertThat(browser.findElement(By.id("track-error")).getText()).contains("不正确");
        assertThat(presentNow(By.id("case-view"))).isEmpty();
    }

    @Test
    void aScriptInAnAppealIsShownAsText() {
        String payload = "<script>document.title='pwned'</script><img src=x onerror=alert(1)>";
        Map<String, Object> appeal = appeal(payload);
        var answer = submit(appeal);
        track(answer.text("number"), answer.text("trackingToken"));
        assertThat(browser.getTitle()).doesNotContain("pwned");
        assertThat(browser.findElement(By.cssSelector("#case-view h2")).getText()).isEqualTo(payload);
    }

    @Test
    void theFormSaysWhatIsMissing() {
        browser.get(url("/report?lang=en"));
        browser.findElement(By.id("title")).sendKeys("Only a title");
        browser.findElement(By.id("content")).sendKeys(" ");
        browser.findElement(By.id("phone")).sendKeys("abc");
        submitWith(By.id("submit"));
        assertThat(browser.getPageSource()).contains("phone");
        assertThat(browser.findElement(By.id("title")).getDomProperty("value")).isEqualTo("Only a title");
        assertThat(browser.findElement(By.id("submit")).getText()).isEqualTo("Submit");
    }

    private void track(String number, String token) {
        browser.get(url("/track"));
        browser.findElement(By.id("number")).sendKeys(number);
        browser.findElement(By.id("token")).sendKeys(token);
        submitWith(By.id("track-submit"));
    }

    /** Staff steps done through the API (their pages come with the workbench). */
    static final class JsonCase {
        static void walkToFollowUp(ResidentPortalBrowserTests t, String number) {
            ok(t.act("operator", number, "register", Map.of()));
            ok(t.act("dispatcher", number, "assign", Map.of("departmentId", t.departmentId("ZFJ"))));
            ok(t.act("zfj", number, "sign", Map.of()));
            ok(t.act("zfj", number, "reply", Map.of("text", "已更换灯具")));
            ok(t.act("officer", number, "approve", Map.of()));
        }
    }
}
