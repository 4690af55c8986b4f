package cn.civicloop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

import cn.civicloop.support.BrowserTest;

/** The media centre opens and publishes a supervision item in a real browser; the public board shows it, anonymised. */
class MediaBoardBrowserTests extends BrowserTest {

    @Test
    void theMediaCentrePublishesAnItemAndThePublicBoardShowsItWithoutPersonalData() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("channel", "WEBSITE");
        a.put("externalRef", "MB-" + UUID.randomUUID());
        a.put("kind", "COMPLAINT");
        a.put("title", "上官婉清反映光明路9号楼道堆物");
        a.put("content", "楼道堆物影响通行，电话13655556666");
        a.put("address", "市中区光明路9号1单元101室");
        a.put("contact", Map.of("name", "上官婉清", "phone", "13655556666"));
        String number = submit(a).text("number");
        assertThat(act("operator", number, "register", Map.of()).status()).isEqualTo(200);
        assertThat(act("dispatcher", number, "assign", Map.of("departmentId", departmentId("ZFJ"))).status())
                .isEqualTo(200);

        logIn("media");
        browser.get(url("/media?lang=zh_CN"));
        browser.findElement(By.id("item-case")).sendKeys(number);
        browser.findElement(By.id("item-title")).sendKeys("楼道堆物久未清理");
        browser.findElement(By.id("item-body")).sendKeys("居民反映楼道堆物影响消防通道，请承办部门公开说明。");
        submitWith(By.id("item-submit"));
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> !d.findElements(By.id("publish-form")).isEmpty());
        submitWith(By.id("publish-submit"));
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> !d.findElements(By.id("item-published")).isEmpty());

        browser.manage().deleteAllCookies();
        browser.get(url("/board?lang=zh_CN"));
        String page = browser.findElement(By.id("board-items")).getText();
        assertThat(page).contains("楼道堆物久未清理").contains("区综合行政执法局");
        String source = browser.getPageSource();
        assertThat(source).doesNotContain("上官婉清").doesNotContain("13655556666").doesNotContain("9号")
                .doesNotContain("101室");
        screenshot("board");
    }
}
