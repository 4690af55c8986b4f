package cn.civicloop.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Base of the browser tests: the whole application on a random port and Debian's headless Chromium driven by
 * Selenium (installed by .ci/run). A failing test leaves a screenshot and the page source under
 * {@code target/browser-failures/}; {@link #screenshot(String)} writes the README's pictures to
 * {@code target/screenshots/}, or over those in {@code docs/screenshots/} when CIVICLOOP_UPDATE_SCREENSHOTS=true (a
 * test run must not leave the working tree changed).
 */
@ExtendWith(BrowserTest.FailureArtifacts.class)
public abstract class BrowserTest extends ApiTest {

    protected static WebDriver browser;

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @BeforeAll
    static void startBrowser() throws IOException {
        // A newcomer's `mvn verify` without a browser reports these tests as skipped, with the reason;
        // CI sets CIVICLOOP_REQUIRE_BROWSER=true, where a missing browser is a failure.
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String missing = "browser tests need Debian's chromium and chromium-driver: apt-get install -y chromium chromium-driver";
        if (!installed && "true".equals(System.getenv("CIVICLOOP_REQUIRE_BROWSER"))) {
            throw new IllegalStateException(missing);
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(installed, missing);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--disable-sync", "--window-size=1280,1000", "--lang=zh-CN",
                "--user-data-dir=" + Files.createTempDirectory("civicloop-chromium"));
        // the browser's console, where Chromium reports Content-Security-Policy violations (see cspViolations)
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(3));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    /**
     * The elements matching {@code by} in the page as it is now, without the implicit wait: for checking that
     * something is not shown on a page that has loaded, or that no request is in flight. {@code findElements} would
     * wait the whole implicit wait (3 s) for an element that is rightly absent before it answers with none.
     */
    protected static java.util.List<org.openqa.selenium.WebElement> presentNow(org.openqa.selenium.By by) {
        return presentNow(browser, by);
    }

    /** {@link #presentNow(org.openqa.selenium.By)} in a given browser (a wait's driver, a second browser). */
    public static java.util.List<org.openqa.selenium.WebElement> presentNow(WebDriver driver, org.openqa.selenium.By by) {
        Duration implicit = driver.manage().timeouts().getImplicitWaitTimeout();
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        try {
            return driver.findElements(by);
        } finally {
            driver.manage().timeouts().implicitlyWait(implicit);
        }
    }

    protected String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    /**
     * Starts a fresh session as demo user {@code user}: no cookie of the last one, the login form with the demo
     * password, and the administrators' second step.
     */
    protected void logIn(String user) {
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        browser.findElement(org.openqa.selenium.By.id("username")).sendKeys(user);
        browser.findElement(org.openqa.selenium.By.id("password")).sendKeys(Api.PASSWORD);
        submitWith(org.openqa.selenium.By.cssSelector("form button[type=submit]"));
        answerSecondStep(user);
    }

    /**
     * The 110 desk in Chinese as {@code police-desk}, in a window of the size the desk's map is laid out for, once
     * the map has drawn the blocks' posts (and has been fitted to them).
     */
    protected void openDesk() {
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
        logIn("police-desk");
        browser.get(url("/dispatch?lang=zh_CN"));
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> !d.findElements(org.openqa.selenium.By.cssSelector("#desk-map .post-icon")).isEmpty());
    }

    /**
     * On the desk: types {@code typed} into the call's address box, waits for the gazetteer to suggest
     * {@code label}, types the rest of it, and waits until the call is pinned at the suggestion's point (the
     * coordinate fields filled).
     */
    protected static void pickDeskAddress(String typed, String label) {
        org.openqa.selenium.WebElement address = browser.findElement(org.openqa.selenium.By.id("call-address"));
        address.sendKeys(typed);
        org.openqa.selenium.By suggestion = org.openqa.selenium.By.cssSelector(
                "#call-address-suggestions option[value='" + label + "']");
        org.openqa.selenium.support.ui.WebDriverWait wait =
                new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(15));
        wait.until(d -> !d.findElements(suggestion).isEmpty());
        address.sendKeys(label.substring(typed.length()));
        wait.until(d -> !d.findElement(org.openqa.selenium.By.id("call-lat")).getDomProperty("value").isEmpty());
    }

    /**
     * After the login form: a demo administrator is asked for his TOTP code; types the code of the demo secret
     * ({@link Totp}) and confirms. Nothing for anyone else.
     */
    protected void answerSecondStep(String user) {
        if (Totp.asked(user)) {
            browser.findElement(org.openqa.selenium.By.id("code")).sendKeys(Totp.forLogin(port(), user));
            submitWith(org.openqa.selenium.By.id("totp-submit"));
        }
    }

    /** Clicks a button that submits a form and waits until the next page has replaced this one and loaded. */
    protected static void submitWith(org.openqa.selenium.By button) {
        org.openqa.selenium.WebElement page = browser.findElement(org.openqa.selenium.By.tagName("html"));
        browser.findElement(button).click();
        org.openqa.selenium.support.ui.WebDriverWait wait =
                new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(15));
        wait.until(d -> {
            try {
                page.getTagName();
                return false;
            } catch (org.openqa.selenium.WebDriverException gone) {
                // Chromium reports a replaced document either as stale or as a node outside the document
                return true;
            }
        });
        wait.until(d -> "complete".equals(((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("return document.readyState")));
    }

    /** Console lines since the last call that report a Content-Security-Policy violation. */
    protected static java.util.List<String> cspViolations() {
        return browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy")).toList();
    }

    /** Saves the current page as a README picture. */
    protected static void screenshot(String name) {
        try {
            Path dir = "true".equals(System.getenv("CIVICLOOP_UPDATE_SCREENSHOTS"))
                    ? Path.of("docs", "screenshots") : Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Keeps what the browser showed when a test failed. */
    static final class FailureArtifacts implements TestWatcher {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (browser == null) {
                return;
            }
            try {
                Path dir = Path.of("target", "browser-failures");
                Files.createDirectories(dir);
                String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
                Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
                Files.writeString(dir.resolve(name + ".html"), browser.getPageSource(), StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                cause.addSuppressed(e);
            }
        }
    }
}
