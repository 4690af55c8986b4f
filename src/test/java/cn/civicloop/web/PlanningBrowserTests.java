package cn.civicloop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import cn.civicloop.support.BrowserTest;

/**
 * The police command's planning page in a real browser: a refused request is explained next to the form, a
 * comparison runs in the background while the panel polls, and both policies' figures, the model's and the chart
 * appear; the same run reads in English; no Content-Security-Policy violation on the way.
 */
class PlanningBrowserTests extends BrowserTest {

    @Test
    void theCommandRunsAComparisonAndSeesBothPoliciesFigures() {
        browser.manage().deleteAllCookies();
        new StaffSession(browser, url("")).login("leader");
        browser.get(url("/workbench"));
        assertThat(browser.findElements(By.id("link-planning"))).as("the workbench links to the page").isNotEmpty();
        browser.get(url("/planning?lang=zh_CN"));
        assertThat(browser.findElements(By.cssSelector("#plan-blocks tbody tr"))).hasSize(8);

        // the browser itself refuses a negative count (min="0"); a reserve as large as every block's units is
        // refused by the server, in the reader's language, next to the form
        assertThat(browser.findElement(By.id("units-B1")).getAttribute("min")).isEqualTo("0");
        type("reservePerBlock", "2");
        browser.findElement(By.id("planning-run")).click();
        Waits.until(browser, 15, d -> !d.findElements(By.id("run-refusal")).isEmpty());
        assertThat(browser.findElement(By.id("run-refusal")).getText()).contains("保留警力不少于每个块区的巡组数");
        assertThat(browser.findElement(By.id("run-refusal")).getAttribute("data-field")).isEqualTo("reservePerBlock");
        type("reservePerBlock", "1");

        browser.findElement(By.id("source-generated")).click();
        assertThat(browser.findElement(By.id("fields-generated")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("fields-recorded")).isDisplayed()).isFalse();
        type("callsPerHour", "6");
        type("days", "3");
        browser.findElement(By.id("planning-run")).click();
        Waits.until(browser, 90, d -> "DONE".equals(d.findElement(By.id("run-panel")).getAttribute("data-status")));

        assertThat(browser.findElement(By.id("run-status")).getText()).isEqualTo("已完成");
        List<WebElement> rows = browser.findElements(By.cssSelector("#run-figures tbody tr"));
        assertThat(rows).hasSize(6);
        WebElement response = rows.get(0);
        assertThat(response.findElement(By.tagName("td")).getText()).startsWith("响应时间");
        for (String policy : List.of("station", "patrol")) {
            assertThat(response.findElement(By.cssSelector("td." + policy)).getText())
                    .as(policy).matches("\\d+\\.\\d\\d / \\d+\\.\\d\\d / \\d+\\.\\d\\d");
        }
        assertThat(browser.findElement(By.cssSelector("#run-figures thead")).getText()).contains("坐等接警", "动态巡处");
        assertThat(browser.findElements(By.cssSelector("#run-model tbody tr td.num"))).allSatisfy(
                td -> assertThat(td.getText()).isNotBlank());
        assertThat(browser.findElement(By.id("run-ratio")).getText()).matches(".*\\d\\.\\d\\d");
        assertThat(browser.findElements(By.cssSelector("#run-blocks tbody tr"))).hasSize(8);
        Waits.until(browser, 10, d -> !d.findElements(By.cssSelector("#planning-chart canvas")).isEmpty());
        String run = browser.findElement(By.id("run-panel")).getAttribute("data-run");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('run-panel').scrollIntoView()");
        screenshot("planning");

        browser.get(url("/planning?run=" + run + "&lang=en"));
        assertThat(browser.findElement(By.id("run-status")).getText()).isEqualTo("Done");
        assertThat(browser.findElement(By.cssSelector("#run-figures thead")).getText())
                .contains("Waiting at the post", "Patrolling the block").doesNotContainPattern("\\p{IsHan}");
        assertThat(browser.findElement(By.cssSelector("#recent-runs tbody")).getText()).contains(run);
        Waits.until(browser, 10, d -> !d.findElements(By.cssSelector("#planning-chart canvas")).isEmpty());
        assertThat(cspViolations()).isEmpty();
    }

    private static void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }
}
