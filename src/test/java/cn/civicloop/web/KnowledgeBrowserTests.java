package cn.civicloop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import cn.civicloop.support.BrowserTest;

/**
 * The knowledge base in the browser: the operator finds an article while he types the call and answers the caller
 * directly from it; a reviewer opening a reply sees the form-letter flag and the checklist with its reasons.
 */
class KnowledgeBrowserTests extends BrowserTest {

    @Test
    void theOperatorFindsAnArticleWhileTypingAndAnswersDirectly() {
        StaffSession staff = new StaffSession(browser, url(""));
        browser.manage().deleteAllCookies();
        staff.login("operator");
        browser.get(url("/workbench/phone?lang=zh_CN"));
        String tag = UUID.randomUUID().toString().substring(0, 6);
        browser.switchTo().activeElement().sendKeys("13900003333" + Keys.TAB + "赵女士" + Keys.TAB
                + "政务服务中心几点上班 " + tag + Keys.TAB + "想问一下区政务服务中心周六上不上班，工作时间是几点。");
        Waits.until(browser, 15, d -> !d.findElements(By.cssSelector("#knowledge-list li")).isEmpty()
                && presentNow(d, By.cssSelector(".htmx-request")).isEmpty());
        WebElement first = browser.findElement(By.cssSelector("#knowledge-list li"));
        assertThat(first.findElement(By.cssSelector(".article-title")).getText()).isEqualTo("政务服务中心办公时间和地址");
        screenshot("knowledge-phone-suggestions");
        WebElement page = browser.findElement(By.tagName("html"));
        first.findElement(By.cssSelector("button.answer-from-article")).click();
        Waits.until(browser, 15, d -> Waits.gone(page));
        assertThat(browser.getCurrentUrl()).contains("/workbench/cases/");
        assertThat(staff.status()).isEqualTo("已办结");
        Waits.until(browser, 15, d -> !d.findElements(By.id("knowledge-answered-by")).isEmpty());
        assertThat(browser.findElement(By.id("knowledge-answered-by")).getText()).contains("依据知识库答复").contains("第1版");
        assertThat(browser.getPageSource()).contains("周一至周五");
    }

    @Test
    void aReviewerSeesTheFormLetterFlag() {
        String reply = "您好，您反映的情况我单位已收悉并高度重视，将尽快安排人员处理，感谢您的理解与支持。";
        String first = replied("浏览器测试：光明路小区门口垃圾堆放", reply);
        String second = replied("浏览器测试：君山路路灯整夜不亮", reply);
        String officer = api.login("officer");
        Waits.until(browser, 20, d -> api.get("/api/v1/knowledge/cases/" + second + "/review", officer).json()
                .path("formLetter").asBoolean());

        StaffSession staff = new StaffSession(browser, url(""));
        browser.manage().deleteAllCookies();
        staff.login("officer");
        staff.open(second);
        Waits.until(browser, 15, d -> !d.findElements(By.id("reply-review")).isEmpty());
        assertThat(browser.findElement(By.id("review-form-letter")).getText()).contains("疑似模板化答复").contains(first);
        assertThat(browser.findElement(By.id("review-promise")).getText()).contains("将尽快");
        assertThat(browser.findElement(By.id("review-result")).getText()).contains("✗");
        assertThat(browser.findElement(By.id("reply-review")).getText()).contains("供审核参考").doesNotContain("分数");
        new org.openqa.selenium.interactions.Actions(browser).scrollToElement(browser.findElement(By.id("reply-review"))).perform();
        screenshot("knowledge-reply-review");
        browser.get(url("/workbench/cases/" + second + "?lang=en"));
        Waits.until(browser, 15, d -> !d.findElements(By.id("review-form-letter")).isEmpty());
        assertThat(browser.findElement(By.id("review-form-letter")).getText()).contains("form letter")
                .doesNotContain("模板");
    }

    private String replied(String title, String reply) {
        String number = submit(appeal(title)).text("number");
        long zfj = departmentId("ZFJ");
        act("operator", number, "register", Map.of());
        act("dispatcher", number, "assign", Map.of("departmentId", zfj));
        act("zfj", number, "sign", Map.of());
        assertThat(act("zfj", number, "reply", Map.of("text", reply)).status()).isEqualTo(200);
        return number;
    }
}
