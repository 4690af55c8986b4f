package cn.civicloop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import cn.civicloop.support.BrowserTest;

/**
 * 雪亮工程 on the pages: on a case page the operator sees the nearest cameras and requests footage from the panel;
 * the video centre answers on its request list; the answer shows in the case page's panel and on its timeline.
 */
class CamerasBrowserTests extends BrowserTest {

    private StaffSession staff;

    @BeforeEach
    void freshSession() {
        browser.get(url("/login"));
        browser.manage().deleteAllCookies();
        staff = new StaffSession(browser, url(""));
    }

    @Test
    void theOperatorRequestsFootageFromTheCasePageAndSeesTheVideoCentresAnswer() {
        String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        double lat = 34.8210, lon = 117.5420;
        String csv = "code,name,lat,lon,owner,status,kind\n"
                + String.format(Locale.ROOT, "B%s-1,浏览器测试球机%s,%.6f,%.6f,区视频监控中心,ONLINE,球机\n", tag, tag,
                        lat + 0.0004, lon)
                + String.format(Locale.ROOT, "B%s-2,浏览器测试枪机%s,%.6f,%.6f,区视频监控中心,OFFLINE,枪机\n", tag, tag,
                        lat + 0.0010, lon);
        assertThat(api.postRaw("/api/v1/cameras/import", api.login("admin"), "text/csv",
                csv.getBytes(StandardCharsets.UTF_8), Map.of()).status()).isEqualTo(200);
        Map<String, Object> a = appeal("路口护栏被撞倒 " + tag);
        a.put("location", Map.of("lat", lat, "lon", lon));
        String number = submit(a).text("number");

        staff.login("operator").open(number);
        Waits.until(browser, 20, d -> !d.findElements(By.id("camera-nearby")).isEmpty());
        String nearby = browser.findElement(By.id("camera-nearby")).getText();
        assertThat(nearby).contains("浏览器测试球机" + tag, "浏览器测试枪机" + tag, "离线");
        assertThat(nearby.indexOf("浏览器测试球机" + tag)).isLessThan(nearby.indexOf("浏览器测试枪机" + tag));
        browser.findElement(By.id("footage-purpose")).sendKeys("核实肇事车辆 " + tag);
        browser.findElement(By.id("footage-submit")).click();
        Waits.until(browser, 20, d -> !d.findElements(By.cssSelector("#footage-requests .footage-status")).isEmpty());
        assertThat(browser.findElement(By.id("footage-requests")).getText()).contains("待答复", "核实肇事车辆 " + tag);
        staff.logout();

        staff.login("video");
        browser.get(url("/cameras/footage?open=true"));
        var card = browser.findElements(By.cssSelector("[id^=request-]")).stream()
                .filter(e -> e.getText().contains(number)).findFirst().orElseThrow();
        String id = card.getAttribute("id").substring("request-".length());
        browser.findElement(By.id("archive-" + id)).sendKeys("XL-" + tag);
        browser.findElement(By.id("text-" + id)).sendKeys("已调取 14:00–16:00 录像");
        BrowserTest.submitWith(By.id("answer-" + id));
        assertThat(browser.findElement(By.id("request-" + id)).getText()).contains("已调取", "XL-" + tag);
        staff.logout();

        staff.login("operator").open(number);
        Waits.until(browser, 20, d -> !d.findElements(By.cssSelector("#footage-requests .footage-archive")).isEmpty());
        assertThat(browser.findElement(By.id("footage-requests")).getText()).contains("已调取", "XL-" + tag);
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("视频中心答复调取申请");
        assertThat(cspViolations()).isEmpty();
    }
}
