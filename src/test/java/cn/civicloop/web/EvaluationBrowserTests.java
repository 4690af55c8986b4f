package cn.civicloop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

import cn.civicloop.shared.DistrictTime;
import cn.civicloop.support.Api;
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
    void theAdminIsTurnedAwayWithAReadablePage() {
        logIn("admin");
        browser.get(url("/evaluation?lang=zh_CN"));
        assertThat(browser.findElement(By.id("forbidden")).getText()).contains("无权");
        assertThat(browser.findElements(By.id("ranking"))).isEmpty();
    }

    private void logIn(String user) {
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(Api.PASSWORD);
        submitWith(By.cssSelector("form button[type=submit]"));
        answerSecondStep(user);
    }
}
