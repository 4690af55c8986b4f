package cn.civicloop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import cn.civicloop.support.BrowserTest;

/**
 * From upload to activation on the pages: the admin previews a file of historical work orders, checks the guessed
 * columns, imports it with a progress bar, trains a candidate, reads its report against the model in service,
 * activates it and rolls back.
 */
class RoutingLearningBrowserTests extends BrowserTest {

    @Test
    void theAdminImportsHistoryTrainsActivatesAndRollsBack() {
        StaffSession staff = new StaffSession(browser, url(""));
        staff.login("admin");
        browser.get(url("/admin/routing/learning?lang=zh_CN"));
        String before = browser.findElement(By.cssSelector("#models tbody tr strong")).findElement(By.xpath("../.."))
                .getDomAttribute("data-version");

        Path file = Path.of("src/test/resources/triage/learning/history.csv").toAbsolutePath();
        browser.findElement(By.id("history-file")).sendKeys(file.toString());
        browser.findElement(By.id("history-source")).sendKeys("浏览器测试导入");
        browser.findElement(By.id("preview-button")).click();
        Waits.until(browser, 20, d -> !d.findElements(By.id("mapping-form")).isEmpty());
        assertThat(browser.findElement(By.id("preview-table")).getText()).contains("一级分类", "诉求内容");
        assertThat(new Select(browser.findElement(By.id("map-category"))).getFirstSelectedOption().getText())
                .isEqualTo("一级分类");
        assertThat(new Select(browser.findElement(By.id("map-title"))).getFirstSelectedOption().getText()).isEqualTo("标题");

        browser.findElement(By.id("import-button")).click();
        Waits.until(browser, 60, d -> !d.findElements(By.id("import-report")).isEmpty());
        assertThat(browser.findElement(By.id("import-status")).getText()).isEqualTo("已导入");
        assertThat(browser.findElement(By.id("import-report")).getText()).contains("存为样本 100 条");

        browser.findElement(By.cssSelector("#training-form input[name='loop']")).click();
        submitWith(By.id("train-button"));
        Waits.until(browser, 180, d -> d.findElements(By.id("run-state")).size() == 1
                && !d.findElement(By.id("run-state")).getText().equals("进行中"));
        assertThat(browser.findElement(By.id("run-state")).getText()).isEqualTo("已完成");
        assertThat(browser.findElement(By.id("compare")).getText()).contains("macro-F1", "候选", "现用 " + before);
        assertThat(browser.findElement(By.id("per-class")).getText()).contains("城乡建设", "劳动和社会保障");
        assertThat(browser.findElement(By.id("confusion-candidate")).getText()).contains("实际＼预测");
        assertThat(browser.findElements(By.cssSelector("#chart-automation canvas"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#chart-reliability canvas"))).isNotEmpty();

        submitWith(By.id("activate-button"));
        assertThat(browser.findElement(By.id("saved")).getText()).contains("已启用");
        assertThat(browser.findElement(By.id("run-decision")).getText()).contains("已启用候选模型");
        submitWith(By.id("rollback-button"));
        assertThat(browser.findElement(By.id("saved")).getText()).contains(before);
        browser.get(url("/admin/routing/learning?lang=zh_CN"));
        assertThat(browser.findElement(By.cssSelector("#models tbody tr strong")).findElement(By.xpath("../.."))
                .getDomAttribute("data-version")).isEqualTo(before);
        assertThat(cspViolations()).isEmpty();
    }
}
