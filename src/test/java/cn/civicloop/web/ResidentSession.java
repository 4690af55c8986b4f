package cn.civicloop.web;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A resident on the public pages: reports with a map pin, answers the follow-up. */
record ResidentSession(WebDriver browser, String base, StaffSession pages) {

    /** Reports and returns {number, tracking token}. */
    String[] report(String title, String content, String phone) {
        browser.get(base + "/report?lang=zh_CN");
        browser.findElement(By.id("title")).sendKeys(title);
        browser.findElement(By.id("content")).sendKeys(content);
        browser.findElement(By.id("phone")).sendKeys(phone);
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> !d.findElements(By.cssSelector("#map path.leaflet-interactive")).isEmpty());
        new Actions(browser).moveToElement(browser.findElements(By.cssSelector("#map path.leaflet-interactive")).get(0))
                .click().perform();
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> !d.findElement(By.id("lat")).getDomProperty("value").isEmpty());
        pages.submit(By.id("submit"));
        return new String[] { browser.findElement(By.id("case-number")).getText(),
                browser.findElement(By.id("tracking-token")).getText() };
    }

    /** Answers the follow-up "resolved, satisfied" and returns the status shown afterwards. */
    String satisfied(String number, String token) {
        browser.get(base + "/track");
        browser.findElement(By.id("number")).sendKeys(number);
        browser.findElement(By.id("token")).sendKeys(token);
        pages.submit(By.id("track-submit"));
        browser.findElement(By.id("resolved-yes")).click();
        new Select(browser.findElement(By.id("satisfaction"))).selectByValue("SATISFIED");
        pages.submit(By.id("follow-up-submit"));
        return browser.findElement(By.id("case-status")).getText();
    }
}
