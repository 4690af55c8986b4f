package cn.civicloop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import cn.civicloop.shared.DistrictTime;
import cn.civicloop.support.BrowserTest;

/** From the published ranking to the case behind a figure, in both languages, and closed to the admin. */
class EvaluationBrowserTests extends BrowserTest {

    @Test
    void aLeaderGoesFromTheRankingToTheCaseBehindAFigure() {
        String number = submit(appeal("考评页面测试：井盖缺失")).text("number");
        long zfj = departmentId("ZFJ");
        act("operator", number, "register", Map.of());
        act("dispatcher", number, "assign", Map.of("departmentId", zfj));
        act("zfj", number, "sign", Map.of());
        LocalDate today = LocalDate.ofInstant(Instant.now(), DistrictTime.ZONE);
        String period = today.minusDays(2) + ".." + today.plusDays(20);
        String office = api.login("evaluation");
        String drill = "/api/v1/evaluation/periods/" + period + "/subjects/DEPARTMENT/" + zfj
                + "/cases?indicator=RESPONSE&term=1";
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> api.get(drill, office).body().contains(number));
        assertThat(api.post("/api/v1/evaluation/periods/" + period + "/draft", office, Map.of()).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/evaluation/periods/" + period + "/publish", office, Map.of()).status())
                .isEqualTo(200);

        logIn("leader");
        browser.get(url("/evaluation?lang=zh_CN&kind=DEPARTMENT&period=" + period));
        assertThat(browser.findElement(By.tagName("h2")).getText()).isEqualTo("绩效考评");
        assertThat(browser.findElements(By.cssSelector("#red li"))).isNotEmpty();
        browser.findElement(By.cssSelector("#subject-" + zfj + " a.subject-link")).click();
        String signed = browser.findElement(By.cssSelector("#figure-RESPONSE .value")).getText();
        assertThat(signed).matches("\\d+\\.\\d\\d %");
        // the radar of its percentages and the trend of its score, drawn by ECharts from the page's own tables
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> "true".equals(
                d.findElement(By.id("evaluation-charts")).getDomAttribute("data-drawn")));
        assertThat(browser.findElements(By.cssSelector("#chart-radar canvas"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#chart-trend canvas"))).isNotEmpty();
        browser.findElements(By.cssSelector("#figure-RESPONSE a.drill")).get(1).click();
        assertThat(browser.findElements(By.cssSelector("#drill a.case-link")).stream().map(e -> e.getText()))
                .contains(number);
        browser.findElement(By.xpath("//table[@id='drill']//a[text()='" + number + "']")).click();
        assertThat(browser.getCurrentUrl()).contains("/workbench/cases/" + number);
        assertThat(browser.getPageSource()).contains("考评页面测试：井盖缺失");
        screenshot("evaluation-drill-down");

        browser.get(url("/evaluation?lang=en&kind=DEPARTMENT&period=" + period));
        assertThat(browser.findElement(By.tagName("h2")).getText()).isEqualTo("Performance evaluation");
        assertThat(browser.findElement(By.cssSelector("#ranking thead")).getText()).contains("Rank").contains("Score")
                .doesNotContain("名次");
    }

    @Test
    void theOfficeEditsWeightsAndAFormulaWithAReasonAndReadsTheRefusals() {
        logIn("evaluation");
        browser.get(url("/evaluation/indicators?lang=zh_CN"));
        // weights summing to 0.9: refused, said in Chinese only, what was typed kept, nothing saved
        WebElement streets = browser.findElement(By.id("weights-STREET"));
        type(streets.findElement(By.name("weight.RESPONSE")), "0.1");
        type(streets.findElement(By.name("weight.RESOLVED")), "0.5");
        type(streets.findElement(By.name("weight.SATISFIED")), "0.3");
        type(streets.findElement(By.name("reason")), "试算");
        submitWith(By.cssSelector("#weights-STREET button[type=submit]"));
        String refusal = browser.findElement(By.id("refused")).getText();
        assertThat(refusal).contains("权重之和应为1").contains("0.9").doesNotContain("sum");
        assertThat(browser.findElement(By.id("weights-STREET")).findElement(By.name("weight.SATISFIED"))
                .getDomProperty("value")).isEqualTo("0.3");

        browser.get(url("/evaluation/indicators?lang=en"));
        WebElement again = browser.findElement(By.id("weights-STREET"));
        type(again.findElement(By.name("weight.SATISFIED")), "0.3");
        type(again.findElement(By.name("reason")), "trial");
        submitWith(By.cssSelector("#weights-STREET button[type=submit]"));
        assertThat(browser.findElement(By.id("refused")).getText()).contains("sum to 0.9").doesNotContain("权重");

        // a formula edit with its reason: a new version, shown in the history with who and why
        browser.get(url("/evaluation/indicators?lang=zh_CN"));
        browser.findElement(By.cssSelector("#history-REWORK summary")).click();
        WebElement form = browser.findElement(By.cssSelector("#history-REWORK form"));
        type(form.findElement(By.name("formula")), "count(REPLY, hit) / count(REPLY)");
        type(form.findElement(By.name("reason")), "浏览器测试：公式复核");
        submitWith(By.cssSelector("#history-REWORK form button[type=submit]"));
        assertThat(browser.findElement(By.id("changed")).getText()).contains("REWORK");
        browser.findElement(By.cssSelector("#history-REWORK summary")).click();
        assertThat(browser.findElement(By.id("history-REWORK")).getText()).contains("浏览器测试：公式复核")
                .contains("evaluation");
    }

    private static void type(WebElement input, String text) {
        input.clear();
        input.sendKeys(text);
    }

    @Test
    void theAdminIsTurnedAwayWithAReadablePage() {
        logIn("admin");
        browser.get(url("/evaluation?lang=zh_CN"));
        assertThat(browser.findElement(By.id("forbidden")).getText()).contains("无权");
        assertThat(presentNow(By.id("ranking"))).isEmpty();
    }
}
