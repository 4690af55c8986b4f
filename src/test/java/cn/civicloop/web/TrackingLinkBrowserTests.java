package cn.civicloop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import cn.civicloop.support.BrowserTest;

/**
 * The resident's tracking link: the confirmation page carries it and its QR code; opened in a browser without any
 * session it shows the case, a refresh shows it again, and the server's access log never holds the code.
 */
class TrackingLinkBrowserTests extends BrowserTest {

    private static final Path ACCESS_LOG;

    static {
        try {
            ACCESS_LOG = Files.createTempDirectory("civicloop-access-log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void accessLog(DynamicPropertyRegistry registry) {
        registry.add("server.tomcat.accesslog.enabled", () -> "true");
        registry.add("server.tomcat.accesslog.directory", ACCESS_LOG::toString);
        registry.add("server.tomcat.accesslog.buffered", () -> "false");
        registry.add("server.tomcat.accesslog.pattern", () -> "%r %s");
    }

    @Test
    void theConfirmationsLinkAndQrCodeOpenTheCaseAndTheCodeNeverReachesTheLog() throws Exception {
        browser.get(url("/report?lang=zh_CN"));
        browser.findElement(By.id("title")).sendKeys("君山路井盖松动");
        browser.findElement(By.id("content")).sendKeys("君山路中段井盖松动，车辆经过响声很大。");
        browser.findElement(By.id("address")).sendKeys("君山路中段");
        browser.findElement(By.id("name")).sendKeys("李阿姨");
        browser.findElement(By.id("phone")).sendKeys("13800004321");
        submitWith(By.id("submit"));

        String number = browser.findElement(By.id("case-number")).getText();
        String code = browser.findElement(By.id("tracking-token")).getText();
        assertThat(code).matches("[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}");
        String link = browser.findElement(By.id("tracking-link")).getAttribute("href");
        assertThat(link).isEqualTo(url("/track#n=" + number + "&c=" + code));
        assertThat(decodeQr(browser.findElement(By.id("tracking-qr")).getAttribute("src"))).isEqualTo(link);

        // a fresh visitor (no session) opens the link: the case is shown, and the address is still the link
        browser.manage().deleteAllCookies();
        browser.get(url("/"));
        browser.get(link);
        Waits.until(browser, 15, d -> !d.findElements(By.id("case-view")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("#case-view h2")).getText()).isEqualTo("君山路井盖松动");
        assertThat(browser.getCurrentUrl()).isEqualTo(link);

        // a refresh (or a bookmark) opens it again
        ((JavascriptExecutor) browser).executeScript("document.documentElement.dataset.before = 'refresh'");
        browser.navigate().refresh();
        Waits.until(browser, 15, d -> !d.findElements(By.id("case-view")).isEmpty() && ((JavascriptExecutor) d)
                .executeScript("return document.documentElement.dataset.before") == null);
        assertThat(browser.findElement(By.cssSelector("#case-view h2")).getText()).isEqualTo("君山路井盖松动");
        assertThat(browser.getCurrentUrl()).isEqualTo(link);

        List<String> requests = accessLogLines();
        assertThat(requests).as("the tracking page was requested").anyMatch(l -> l.startsWith("GET /track HTTP"));
        assertThat(requests).as("and its lookup posted").anyMatch(l -> l.startsWith("POST /track HTTP"));
        String plain = code.replace("-", "");
        assertThat(requests).noneMatch(l -> l.contains(code) || l.toUpperCase(Locale.ROOT).contains(plain)
                || l.contains(number));
    }

    @Test
    void theCodeWorksAsReadOutOnThePhoneInSmallLettersWithoutHyphens() {
        var answer = submit(appeal("广济路积水"));
        String number = answer.text("number");
        String spoken = answer.text("trackingToken").replace("-", " ").toLowerCase(Locale.ROOT);
        var tracked = api.get("/api/v1/public/cases/" + number, null, Map.of("X-Tracking-Token", spoken));
        assertThat(tracked.status()).as(tracked.body()).isEqualTo(200);

        browser.get(url("/track"));
        browser.findElement(By.id("number")).sendKeys(number.toLowerCase(Locale.ROOT));
        browser.findElement(By.id("token")).sendKeys(spoken.replace(" ", ""));
        submitWith(By.id("track-submit"));
        assertThat(browser.findElement(By.cssSelector("#case-view h2")).getText()).isEqualTo("广济路积水");
    }

    private static String decodeQr(String dataUri) throws Exception {
        assertThat(dataUri).startsWith("data:image/png;base64,");
        byte[] png = Base64.getDecoder().decode(dataUri.substring(dataUri.indexOf(',') + 1));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        RGBLuminanceSource source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
    }

    private static List<String> accessLogLines() throws IOException {
        try (Stream<Path> files = Files.list(ACCESS_LOG)) {
            List<String> lines = files.flatMap(f -> {
                try {
                    return Files.readAllLines(f, StandardCharsets.UTF_8).stream();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
            assertThat(lines).as("Tomcat's access log in " + ACCESS_LOG).isNotEmpty();
            return lines;
        }
    }
}
