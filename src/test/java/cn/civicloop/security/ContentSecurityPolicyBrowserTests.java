package cn.civicloop.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

import cn.civicloop.support.Api;
import cn.civicloop.support.BrowserTest;

/**
 * The main pages under the real Content-Security-Policy in Chromium: they load, their scripts run (the maps and
 * charts draw), and the browser's console reports no CSP violation.
 */
class ContentSecurityPolicyBrowserTests extends BrowserTest {

    private final List<String> violations = new ArrayList<>();

    private void visit(String path) {
        browser.get(url(path));
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> "complete"
                .equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        cspViolations().forEach(v -> violations.add(path + ": " + v));
    }

    @Test
    void theMainPagesRunUnderThePolicyWithoutAViolation() {
        Api.Answer opened = submit(appeal("路灯不亮"));
        String number = opened.text("number");

        visit("/");
        visit("/report");
        assertThat(browser.findElements(By.cssSelector("#map .leaflet-pane"))).as("the report map's script ran")
                .isNotEmpty();
        visit("/track");
        visit("/login");
        browser.findElement(By.id("username")).sendKeys("leader");
        browser.findElement(By.id("password")).sendKeys(Api.PASSWORD);
        submitWith(By.cssSelector("form button[type=submit]"));
        cspViolations().forEach(v -> violations.add("/login submit: " + v));
        visit("/workbench");
        visit("/workbench/cases");
        visit("/workbench/cases/" + number);
        visit("/dashboard");
        assertThat(browser.findElements(By.cssSelector("canvas"))).as("the dashboard's charts drew").isNotEmpty();
        assertThat(violations).isEmpty();

        // the control: an inline script is refused, and the refusal does show in the console we read
        ((JavascriptExecutor) browser).executeScript("var s = document.createElement('script');"
                + " s.textContent = 'window.inlineRan = true'; document.head.appendChild(s);");
        assertThat(((JavascriptExecutor) browser).executeScript("return window.inlineRan === true")).isEqualTo(false);
        assertThat(cspViolations()).as("the browser reports the blocked inline script").isNotEmpty();
    }
}
