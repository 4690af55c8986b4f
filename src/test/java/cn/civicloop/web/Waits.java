package cn.civicloop.web;

import java.time.Duration;
import java.util.function.Function;

import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Waits for htmx-updated pages: an element swapped while being read is read again. */
final class Waits {

    private Waits() {
    }

    static void until(WebDriver browser, int seconds, Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(seconds)).ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    static boolean gone(WebElement element) {
        try {
            element.isDisplayed();
            return false;
        } catch (org.openqa.selenium.WebDriverException e) {
            // Chromium reports a replaced document either as stale or as "node does not belong to the document"
            return true;
        }
    }
}
