package cn.civicloop.web;


import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** A demo staff member on the pages: log in and out, open a case page, fill and submit its action forms. */
record StaffSession(WebDriver browser, String base) {

    StaffSession login(String username) {
        browser.get(base + "/login?lang=zh_CN");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys("civic-demo");
        submit(By.cssSelector("form button[type=submit]"));
        if (cn.civicloop.support.Totp.asked(username)) {
            browser.findElement(By.id("code")).sendKeys(cn.civicloop.support.Totp.forLogin(
                    java.net.URI.create(base).getPort(), username));
            submit(By.id("totp-submit"));
        }
        return this;
    }

    StaffSession open(String number) {
        browser.get(base + "/workbench/cases/" + number);
        return this;
    }

    /** Opens the workbench's case list with a query ({@code ?queue=...}) and returns the browser on it. */
    WebDriver list(String query) {
        browser.get(base + "/workbench/cases" + query);
        return browser;
    }

    /** Types into a field of the case page, e.g. {@code type("reject-reason", "...")}. */
    StaffSession type(String id, String text) {
        browser.findElement(By.id(id)).sendKeys(text);
        return this;
    }

    StaffSession choose(String id, String visibleText) {
        new Select(browser.findElement(By.id(id))).selectByVisibleText(visibleText);
        return this;
    }

    /** Submits the form of an action ({@code sign}, {@code assign-unit}, ...) and waits for the next page. */
    StaffSession perform(String slug) {
        submit(By.id("submit-" + slug));
        return this;
    }

    String status() {
        return browser.findElement(By.id("case-status")).getText();
    }

    void logout() {
        submit(By.id("logout"));
    }

    void submit(By button) {
        WebElement page = browser.findElement(By.tagName("html"));
        browser.findElement(button).click();
        Waits.until(browser, 10, d -> Waits.gone(page));
    }
}
