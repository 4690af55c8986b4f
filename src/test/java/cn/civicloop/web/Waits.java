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

    /**
     * Reads something from a part of the page that htmx or a script may replace at any moment (the desk re-renders
     * its recommendations on every push): a read that meets a replaced element is tried again on the new one.
     */
    static <T> T read(WebDriver browser, Function<WebDriver, T> reader) {
        return new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(reader::apply);
    }

    /** Clicks an element of a part of the page that may be replaced at any moment (see {@link #read}). */
    static void click(WebDriver browser, org.openqa.selenium.By by) {
        until(browser, 10, d -> {
            d.findElement(by).click();
            return true;
        });
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
