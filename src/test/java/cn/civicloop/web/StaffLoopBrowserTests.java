package cn.civicloop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import cn.civicloop.support.BrowserTest;

/** The staff pages in a real browser: the whole loop from a resident's report to the closed case. */
class StaffLoopBrowserTests extends BrowserTest {

    private StaffSession staff;

    @BeforeEach
    void freshSession() {
        browser.get(url("/login"));
        browser.manage().deleteAllCookies();
        staff = new StaffSession(browser, url(""));
    }

    @Test
    void theWholeLoopRunsThroughThePages() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String[] web = new ResidentSession(browser, url(""), staff)
                .report("君山路井盖缺失 " + tag, "君山路中段井盖缺失，夜间行人容易掉落，请尽快处理。", "13800005678");
        String number = web[0];

        // the operator takes a call: keyboard only, live suggestions, Enter registers it
        staff.login("operator");
        browser.get(url("/workbench/phone"));
        assertThat(browser.switchTo().activeElement().getDomAttribute("id")).isEqualTo("phone");
        browser.switchTo().activeElement().sendKeys("13900001111" + Keys.TAB + "李先生" + Keys.TAB
                + "小区垃圾堆放无人清运 " + tag + Keys.TAB + "光明路小区门口垃圾堆放三天无人清运，气味很大。"
                + Keys.TAB + "光明路小区");
        Waits.until(browser, 10, d -> !d.findElement(By.id("suggestion-1")).getText().isBlank()
                && presentNow(d, By.cssSelector(".htmx-request")).isEmpty());
        screenshot("phone-registration");
        WebElement page = browser.findElement(By.tagName("html"));
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        Waits.until(browser, 10, d -> Waits.gone(page));
        assertThat(browser.findElement(By.id("phone-done-status")).getText()).isEqualTo("已受理待派单");

        // the operator registers the web appeal from his queue
        assertThat(staff.list("?queue=submitted").findElement(By.id("row-" + number)).getText()).contains(tag);
        screenshot("workbench");
        browser.findElement(By.linkText(number)).click();
        assertThat(staff.status()).isEqualTo("待受理");
        assertThat(staff.perform("register").status()).isEqualTo("已受理待派单");
        staff.logout();

        // the dispatcher sees triage's suggestion in the queue and assigns the case
        staff.login("dispatcher");
        browser.get(url("/workbench/cases?queue=dispatch"));
        Waits.until(browser, 10, d -> !d.findElement(By.id("hint-" + number)).getText().isBlank());
        staff.open(number);
        Waits.until(browser, 10, d -> !d.findElements(By.id("triage-body")).isEmpty());
        assertThat(staff.choose("assign-department", "区综合行政执法局").perform("assign").status()).isEqualTo("已派单待签收");
        assertThat(browser.findElement(By.id("case-department")).getText()).isEqualTo("区综合行政执法局");
        staff.logout();

        // the handler finds it in his queue, signs and replies
        staff.login("zfj");
        staff.list("?street=none-such");
        assertThat(presentNow(By.id("row-" + number))).as("drill-down").isEmpty();
        assertThat(staff.list("?queue=to-sign").findElement(By.id("row-" + number)).getText()).contains("区综合行政执法局");
        assertThat(staff.open(number).perform("sign").status()).isEqualTo("办理中");
        assertThat(browser.findElement(By.id("clock-HANDLE")).getText()).contains("办结");
        assertThat(staff.type("reply-text", "已补装井盖").perform("reply").status()).isEqualTo("已反馈待审核");
        staff.logout();

        // the officer rejects: without a reason the page says why it refused; then with one
        staff.login("officer").open(number);
        ((JavascriptExecutor) browser).executeScript("document.getElementById('reject-reason').removeAttribute('required')");
        staff.perform("reject");
        assertThat(browser.findElement(By.id("action-error")).getText()).isNotBlank();
        assertThat(staff.status()).isEqualTo("已反馈待审核");
        assertThat(staff.type("reject-reason", "照片不清楚，请补充现场照片").perform("reject").status()).isEqualTo("办理中");
        assertThat(browser.findElement(By.id("timeline")).getText()).contains("照片不清楚");
        staff.logout();

        // the handler replies again, with an evidence photo served through the page
        staff.login("zfj").open(number).type("reply-text", "已补装井盖并拍照留存")
                .type("reply-photos", EvidencePhoto.file().toString()).perform("reply");
        assertThat(staff.status()).isEqualTo("已反馈待审核");
        Waits.until(browser, 20, d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "var i = document.querySelector('#photos img'); return i != null && i.complete && i.naturalWidth > 0;"));
        staff.logout();

        // the officer approves
        staff.login("officer").open(number);
        Waits.until(browser, 10, d -> !d.findElements(By.cssSelector("#case-map path.leaflet-interactive")).isEmpty());
        browser.manage().window().setSize(new Dimension(1280, 1700));
        screenshot("case-page"); // the window stays tall for the rest of this class's tests
        assertThat(staff.perform("approve").status()).isEqualTo("待回访");
        staff.logout();

        // the resident is satisfied: the case is closed, also on the staff page
        assertThat(new ResidentSession(browser, url(""), staff).satisfied(number, web[1])).isEqualTo("已办结");
        assertThat(staff.login("officer").open(number).status()).isEqualTo("已办结");
    }

    @Test
    void aHandlerOfAnotherDepartmentGetsAReadableRefusal() {
        String title = "执法局的工单 " + UUID.randomUUID();
        String number = submit(appeal(title)).text("number");
        assertThat(act("operator", number, "register", Map.of()).status()).isEqualTo(200);
        assertThat(act("dispatcher", number, "assign", Map.of("departmentId", departmentId("ZFJ"))).status())
                .isEqualTo(200);
        staff.login("yjj").open(number);
        assertThat(browser.findElement(By.id("forbidden")).getText()).contains("无权查看");
        assertThat(browser.getPageSource()).doesNotContain(title).doesNotContain("13812345678");
        staff.logout();
        staff.login("admin").browser().get(url("/workbench/cases"));
        assertThat(browser.findElement(By.id("forbidden")).isDisplayed()).isTrue();
    }

    @Test
    void aScriptInAnAppealIsShownAsText() {
        String payload = "<script>document.title='pwned'</script><img src=x onerror=alert(1)>";
        Map<String, Object> appeal = appeal(payload);
        appeal.put("content", payload);
        String number = submit(appeal).text("number");
        staff.login("operator").open(number);
        assertThat(browser.getTitle()).doesNotContain("pwned");
        assertThat(browser.findElement(By.id("case-title")).getText()).isEqualTo(payload);
        assertThat(browser.findElement(By.id("case-content")).getText()).isEqualTo(payload);
        browser.get(url("/workbench/cases/" + number + "?lang=en"));
        assertThat(browser.findElement(By.id("back")).getText()).isEqualTo("Back to the list");
        assertThat(browser.getPageSource()).as("no missing English message").doesNotContain("??");
    }

    @Test
    void newCasesAppearInTheQueueWithoutReload() {
        staff.login("operator");
        browser.get(url("/workbench/cases?queue=submitted"));
        WebElement page = browser.findElement(By.tagName("html"));
        String number = submit(appeal("轮询测试 " + UUID.randomUUID())).text("number");
        Waits.until(browser, 25, d -> !d.findElements(By.id("row-" + number)).isEmpty());
        assertThat(page.isDisplayed()).as("same page, not reloaded").isTrue();
    }
}
