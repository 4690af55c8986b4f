package cn.civicloop.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import cn.civicloop.opinion.OpinionResponseApiTests;
import cn.civicloop.support.BrowserTest;

/**
 * The "1+N" linked response in the browser, end to end: a topic heats up and the warning appears on the officer's
 * board; he opens the response from the topic page (a lead and the 网信/宣传 partner); the partner replies to its
 * task; the lead replies and drafts the public answer; the partner approves it and it shows as posted.
 */
class OpinionResponseBrowserTests extends BrowserTest {

    @Test
    void alertOpenResponsePartnerRepliesAnswerApproved() {
        String title = OpinionResponseApiTests.unique() + "广场舞音响夜间扰民";
        String topic = OpinionResponseApiTests.pushTopic(api, title, 3);

        StaffSession staff = new StaffSession(browser, url(""));
        browser.manage().deleteAllCookies();
        staff.login("opinion");
        browser.get(url("/opinion?lang=zh_CN"));
        By alertLink = By.cssSelector("#alerts a[href$='/opinion/topics/" + topic + "']");
        Waits.until(browser, 10, d -> !d.findElements(alertLink).isEmpty());
        assertThat(browser.findElement(By.id("alerts")).getText()).contains("蓝色").contains(title);
        Waits.until(browser, 10, d -> !d.findElements(By.cssSelector("#opinion-trend canvas")).isEmpty());
        screenshot("opinion-board");
        staff.submit(alertLink);

        assertThat(browser.findElement(By.id("topic-headline")).getText()).isEqualTo(title);
        assertThat(browser.findElement(By.id("topic-posts")).getText()).doesNotContain("网友李四");
        staff.choose("lead-department", "区综合行政执法局").type("lead-task", "核查广场音响并约谈管理方")
                .choose("partner0", "区委网信办（宣传部）").type("task0", "审核回帖并做好网上引导");
        staff.submit(By.id("response-open-submit"));
        assertThat(browser.findElements(By.cssSelector("#tasks tbody tr"))).hasSize(2);
        assertThat(browser.findElement(By.id("response-case-status")).getText()).isEqualTo("已派单待签收");
        assertThat(browser.findElement(By.id("timeline")).getText()).contains("发起联动处置").contains("邵晴");
        staff.logout();

        staff.login("wxb");
        browser.get(url("/opinion/tasks"));
        staff.submit(By.cssSelector("#task-topic-" + topic + " a"));
        staff.type("reply-text", "已安排网评引导，待牵头单位答复口径");
        staff.submit(By.id("reply-submit"));
        assertThat(browser.findElement(By.cssSelector("#tasks tr[data-party=ONLINE] .task-state")).getText())
                .isEqualTo("已反馈");
        staff.logout();

        staff.login("zfj");
        browser.get(url("/opinion/topics/" + topic));
        staff.type("reply-text", "已约谈广场管理方，晚九点后停止使用音响");
        staff.submit(By.id("reply-submit"));
        assertThat(browser.findElement(By.id("response-case-status")).getText()).isEqualTo("已反馈待审核");
        staff.type("answer-draft", "您好，经核查，广场管理方已承诺晚九点后停止使用音响，感谢监督。");
        staff.submit(By.id("answer-submit"));
        assertThat(browser.findElement(By.id("answer-status")).getText()).isEqualTo("待网信/宣传审核");
        assertThat(presentNow(By.id("approve-form"))).isEmpty();
        staff.logout();

        staff.login("wxb");
        browser.get(url("/opinion/topics/" + topic));
        staff.submit(By.id("approve-submit"));
        assertThat(browser.findElement(By.id("answer-status")).getText()).isEqualTo("已发布");
        assertThat(browser.findElement(By.id("answer-url")).getText()).startsWith("https://bbs.example.cn/t/");
        assertThat(browser.findElement(By.id("timeline")).getText()).contains("审核回帖").contains("回帖已发布");
        screenshot("opinion-topic");
        browser.get(url("/opinion/topics/" + topic + "?lang=en"));
        assertThat(browser.findElement(By.id("answer-status")).getText()).isEqualTo("Posted");
        assertThat(cspViolations()).isEmpty();
    }
}
