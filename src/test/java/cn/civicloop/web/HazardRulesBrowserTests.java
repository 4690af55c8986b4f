package cn.civicloop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;

import cn.civicloop.support.BrowserTest;

/**
 * The hazard and linkage rules on the pages: the admin keeps them on the catalogue page (a pattern that cannot
 * work is refused next to its field, the values kept), and the hotline operator sees a match while still typing,
 * with where the call goes and whether it must be passed to 110 at once.
 */
class HazardRulesBrowserTests extends BrowserTest {

    @Test
    void theAdminKeepsAHazardRuleOnTheCataloguePage() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        StaffSession staff = new StaffSession(browser, url(""));
        staff.login("admin");
        browser.get(url("/admin/routing?lang=zh_CN"));
        assertThat(browser.findElement(By.id("hazard-list")).getText()).contains("燃气泄漏", "生命安全", "轻微交通事故");

        browser.findElement(By.id("hazard-name")).sendKeys("测试险情" + tag);
        new Select(browser.findElement(By.id("hazard-level"))).selectByValue("DANGER");
        browser.findElement(By.id("hazard-patterns")).sendKeys("(井盖" + tag);
        new Select(browser.findElement(By.id("hazard-department"))).selectByValue("ZFJ");
        submitWith(By.id("hazard-submit"));
        assertThat(browser.findElement(By.id("hazard-error")).getText()).contains("输入有误");
        assertThat(browser.findElement(By.id("hazard-form")).getText()).contains("无法编译");
        assertThat(browser.findElement(By.id("hazard-name")).getDomProperty("value")).isEqualTo("测试险情" + tag);
        assertThat(browser.findElement(By.id("hazard-list")).getText()).doesNotContain("测试险情" + tag);

        browser.findElement(By.id("hazard-patterns")).clear();
        browser.findElement(By.id("hazard-patterns")).sendKeys("井盖" + tag + ".{0,4}(丢|没了)");
        browser.findElement(By.cssSelector("input[name='channel.WECHAT']")).click();
        submitWith(By.id("hazard-submit"));
        assertThat(browser.findElement(By.id("saved")).getText()).contains("测试险情" + tag);
        String row = browser.findElement(By.id("hazard-list")).getText();
        assertThat(row).contains("测试险情" + tag, "险情", "微信公众号", "ZFJ");

        browser.get(url("/admin/routing?lang=en"));
        assertThat(browser.findElement(By.id("hazard-list")).getText()).contains("Life safety", "WeChat")
                .doesNotContain("LIFE", "WECHAT");
    }

    @Test
    void theOperatorSeesAHazardWhileStillTyping() {
        StaffSession staff = new StaffSession(browser, url(""));
        staff.login("operator");
        browser.get(url("/workbench/phone?lang=zh_CN"));
        browser.switchTo().activeElement().sendKeys("13900002222" + Keys.TAB + "王女士" + Keys.TAB
                + "电梯困人" + Keys.TAB + "五号楼电梯卡在三楼，里面困了两个人出不来。");
        Waits.until(browser, 15, d -> !d.findElements(By.id("hazard-match")).isEmpty()
                && presentNow(d, By.cssSelector(".htmx-request")).isEmpty());
        assertThat(browser.findElement(By.id("hazard-match")).getText())
                .contains("生命安全", "人员被困", "区应急管理局", "须立即转110");
    }
}
