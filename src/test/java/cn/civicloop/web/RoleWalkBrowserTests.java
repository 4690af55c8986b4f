package cn.civicloop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.logging.LogType;

import cn.civicloop.cases.AppealKind;
import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.CaseStatus;
import cn.civicloop.cases.Channel;
import cn.civicloop.cases.ClockStage;
import cn.civicloop.cases.EscalationStep;
import cn.civicloop.cases.Satisfaction;
import cn.civicloop.cases.Urgency;
import cn.civicloop.directory.DepartmentKind;
import cn.civicloop.directory.Role;
import cn.civicloop.support.BrowserTest;
import cn.civicloop.support.PageLanguageCheck;

/**
 * Each role's daily pages, walked in Chinese and in English with one browser: no JavaScript error, no Whitelabel
 * page, no raw enum name, no UTC time, no label of the other language and no sentence mixing both
 * ({@link PageLanguageCheck}).
 */
class RoleWalkBrowserTests extends BrowserTest {

    private static PageLanguageCheck check;

    @BeforeAll
    static void checker() {
        check = new PageLanguageCheck(List.of(CaseStatus.class, CaseAction.class, Urgency.class, Channel.class,
                ClockStage.class, EscalationStep.class, Satisfaction.class, AppealKind.class, Role.class,
                DepartmentKind.class))
                // the admin account's display name equals the role's Chinese name; a timeline's reasons are stored text
                .data("系统管理员", "安全管理员", "审计管理员").dataElements(".timeline-reason", ".audit-record");
    }

    @Test
    void resident() {
        walk(null, "/", "/report", "/track");
    }

    @Test
    void triageOfficerOnACaseJustReported() {
        String number = submit(appeal("井盖缺失行人险些跌倒")).text("number");
        walk("dispatcher", "/workbench", "/workbench/cases", "/workbench/cases/" + number);
    }

    @Test
    void operator() {
        walk("operator", "/workbench", "/workbench/cases", "/workbench/phone");
    }

    @Test
    void departmentHeadAndUnitHandler() {
        walk("zfj-head", "/workbench", "/workbench/cases");
        walk("zfj1", "/workbench", "/workbench/cases");
    }

    @Test
    void administrators() {
        walk("admin", "/workbench", "/admin/departments", "/admin/calendar", "/admin/sla");
        walk("secadmin", "/workbench", "/admin/staff");
        walk("auditor", "/workbench", "/audit");
    }

    @Test
    void leaderDashboard() {
        walk("leader", "/dashboard", "/workbench");
    }

    private void walk(String user, String... paths) {
        browser.manage().deleteAllCookies();
        if (user != null) {
            new StaffSession(browser, url("")).login(user);
        }
        browser.manage().logs().get(LogType.BROWSER).getAll();
        List<String> problems = new ArrayList<>();
        for (String lang : List.of("zh_CN", "en")) {
            for (String path : paths) {
                browser.get(url(path + (path.contains("?") ? "&" : "?") + "lang=" + lang));
                browser.findElement(By.tagName("body"));
                problems.addAll(check.problems(browser, lang.equals("en"), Clock.systemUTC()));
            }
        }
        assertThat(problems).as((user == null ? "resident" : user) + ":\n" + PageLanguageCheck.describe(problems))
                .isEmpty();
    }
}
