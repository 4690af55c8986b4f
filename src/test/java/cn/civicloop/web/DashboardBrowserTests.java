package cn.civicloop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

import cn.civicloop.support.BrowserTest;

/** The leaders' overview in a real browser: charts drawn, figures shown, and closed to department staff. */
class DashboardBrowserTests extends BrowserTest {

    @Test
    void theLeaderSeesChartsMapAndFigures() {
        submit(appeal("驾驶舱测试：路灯不亮"));
        logIn("leader");
        browser.get(url("/dashboard?lang=zh_CN"));
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d ->
                d.findElements(By.cssSelector(".chart canvas")).size() >= 4
                        && !d.findElements(By.cssSelector("#dash-map path.leaflet-interactive")).isEmpty());
        for (String id : new String[] {"chart-intake", "chart-trend", "chart-departments", "chart-streets"}) {
            assertThat(browser.findElements(By.cssSelector("#" + id + " canvas"))).as(id).isNotEmpty();
        }
        assertThat(browser.findElement(By.id("kpi-open")).getText()).matches("\\d+");
        assertThat(Long.parseLong(browser.findElement(By.id("kpi-open")).getText())).isPositive();
        assertThat(browser.findElement(By.id("kpi-overdue")).getText()).matches("\\d+");
        assertThat(browser.findElement(By.id("kpi-closed-today")).getText()).matches("\\d+");
        assertThat(browser.findElement(By.id("kpi-on-time")).getText()).matches("—|\\d+(\\.\\d)?%");
        assertThat(browser.findElement(By.id("kpi-satisfaction")).getText()).matches("—|\\d+(\\.\\d)?%");
        assertThat(browser.findElements(By.cssSelector("#table-departments a[href*='/workbench/cases?department=']")))
                .isNotEmpty();
        screenshot("dashboard");
    }

    @Test
    void aHandlerIsTurnedAwayWithAReadablePage() {
        logIn("zfj");
        browser.get(url("/dashboard?lang=zh_CN"));
        assertThat(browser.findElement(By.id("forbidden")).getText()).contains("无权查看");
        assertThat(presentNow(By.id("kpi-open"))).isEmpty();
        browser.get(url("/dashboard/data"));
        assertThat(browser.getPageSource()).doesNotContain("kpis");
    }
}
