package cn.civicloop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

import cn.civicloop.support.BrowserTest;

/** The admin pages in a real browser: a department and a staff member created through the forms, errors readable. */
class AdminPagesBrowserTests extends BrowserTest {

    @Test
    void theAdminCreatesADepartmentAndAStaffMember() {
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        logIn("admin");
        browser.get(url("/admin/departments?lang=zh_CN"));
        browser.findElement(By.id("code")).sendKeys("T-" + tag);
        browser.findElement(By.id("name")).sendKeys("测试局" + tag);
        new Select(browser.findElement(By.id("kind"))).selectByValue("FUNCTIONAL");
        submitWith(By.id("department-submit"));
        assertThat(browser.findElement(By.id("saved")).getText()).contains("测试局" + tag);
        assertThat(browser.findElement(By.id("department-list")).getText()).contains("T-" + tag, "测试局" + tag);

        // the same code again: refused, with the reason and the values kept
        browser.findElement(By.id("code")).sendKeys("T-" + tag);
        browser.findElement(By.id("name")).sendKeys("重复的部门");
        submitWith(By.id("department-submit"));
        assertThat(browser.findElement(By.id("form-error")).getText()).contains("部门编码已存在");
        assertThat(browser.findElement(By.id("name")).getDomProperty("value")).isEqualTo("重复的部门");

        // 三员分立: staff accounts are the security administrator's
        browser.get(url("/admin/staff"));
        assertThat(presentNow(By.id("staff-form"))).as("the system administrator manages no accounts").isEmpty();
        logIn("secadmin");
        browser.get(url("/admin/staff"));
        browser.findElement(By.id("username")).sendKeys("t" + tag.toLowerCase());
        browser.findElement(By.id("displayName")).sendKeys("测试员" + tag);
        browser.findElement(By.id("password")).sendKeys("long-enough-1");
        new Select(browser.findElement(By.id("departmentId"))).selectByVisibleText("测试局" + tag);
        browser.findElement(By.id("role-HANDLER")).click();
        submitWith(By.id("staff-submit"));
        assertThat(browser.findElement(By.id("staff-list")).getText()).contains("t" + tag.toLowerCase(), "测试员" + tag,
                "测试局" + tag, "承办人");

        // a handler without a department and with a bad username: each problem shown next to its field
        browser.findElement(By.id("username")).sendKeys("坏 名字");
        browser.findElement(By.id("displayName")).sendKeys("无部门");
        browser.findElement(By.id("password")).sendKeys("long-enough-1");
        browser.findElement(By.id("role-HANDLER")).click();
        submitWith(By.id("staff-submit"));
        assertThat(browser.findElement(By.id("form-error")).getText()).isNotBlank();
        assertThat(browser.findElements(By.cssSelector("#staff-form .errors"))).isNotEmpty();
        assertThat(browser.findElement(By.id("displayName")).getDomProperty("value")).isEqualTo("无部门");
        screenshot("admin-directory");
    }

    @Test
    void theSecurityAdministratorDeactivatesAStaffMember() {
        String tag = UUID.randomUUID().toString().substring(0, 6).toLowerCase();
        logIn("secadmin");
        browser.get(url("/admin/staff"));
        browser.findElement(By.id("username")).sendKeys("off" + tag);
        browser.findElement(By.id("displayName")).sendKeys("停用测试" + tag);
        browser.findElement(By.id("password")).sendKeys("long-enough-1");
        browser.findElement(By.id("role-OPERATOR")).click();
        submitWith(By.id("staff-submit"));
        browser.findElement(By.xpath("//tr[td='off" + tag + "']//a")).click();
        assertThat(browser.findElement(By.id("active")).isSelected()).isTrue();
        browser.findElement(By.id("active")).click();
        submitWith(By.id("staff-submit"));
        assertThat(browser.findElement(By.xpath("//tr[td='off" + tag + "']")).getText()).endsWith("— 编辑");
    }

    @Test
    void theAdminEditsTheRoutingCatalogue() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        logIn("admin");
        browser.get(url("/admin/routing?lang=zh_CN"));
        new Select(browser.findElement(By.id("channel"))).selectByValue("WECHAT");
        browser.findElement(By.id("keywords")).sendKeys("测试词" + tag + "|测试二" + tag);
        new Select(browser.findElement(By.id("departmentCode"))).selectByValue("ZFJ");
        browser.findElement(By.id("priority")).clear();
        browser.findElement(By.id("priority")).sendKeys("50");
        submitWith(By.id("rule-submit"));
        assertThat(browser.findElement(By.id("saved")).getText()).isNotBlank();
        assertThat(browser.findElement(By.id("rule-list")).getText()).contains("测试词" + tag);

        // a bad priority: refused with the reason next to the field, values kept
        browser.findElement(By.id("keywords")).sendKeys("坏规则" + tag);
        new Select(browser.findElement(By.id("departmentCode"))).selectByValue("ZFJ");
        browser.findElement(By.id("priority")).clear();
        browser.findElement(By.id("priority")).sendKeys("abc");
        submitWith(By.id("rule-submit"));
        assertThat(browser.findElement(By.id("form-error")).getText()).contains("输入有误");
        assertThat(browser.findElement(By.id("rule-form")).getText()).contains("请输入数字");
        assertThat(browser.findElement(By.id("keywords")).getDomProperty("value")).isEqualTo("坏规则" + tag);
        assertThat(browser.findElement(By.id("rule-list")).getText()).doesNotContain("坏规则" + tag);

        browser.findElement(By.id("category-name")).sendKeys("测试分类" + tag);
        browser.findElement(By.id("category-threshold")).sendKeys("2");
        submitWith(By.id("category-submit"));
        assertThat(browser.findElement(By.id("category-error")).getText()).isNotBlank();
        browser.findElement(By.id("category-threshold")).clear();
        browser.findElement(By.id("category-threshold")).sendKeys("0.9");
        submitWith(By.id("category-submit"));
        assertThat(browser.findElement(By.id("category-list")).getText()).contains("测试分类" + tag);

        // the test's rule is removed again, so that it routes nothing in other tests
        submitWith(By.xpath("//tr[td[contains(., '测试词" + tag + "')]]//button"));
        assertThat(browser.findElement(By.id("rule-list")).getText()).doesNotContain("测试词" + tag);
    }

    @Test
    void theAdminDeclaresAnAdjustedWorkday() {
        LocalDate saturday = LocalDate.of(2099, 6, 1).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
        logIn("admin");
        browser.get(url("/admin/calendar?year=2099&lang=zh_CN"));
        int before = workingDays();
        setDate(saturday.plusDays(2));
        new Select(browser.findElement(By.id("kind"))).selectByValue("WORKDAY");
        browser.findElement(By.id("day-name")).sendKeys("测试调休");
        submitWith(By.id("day-submit"));
        assertThat(browser.findElement(By.id("form-error")).getText()).contains("只有周六、周日");
        assertThat(browser.findElement(By.id("day-name")).getDomProperty("value")).isEqualTo("测试调休");

        setDate(saturday);
        submitWith(By.id("day-submit"));
        assertThat(browser.findElement(By.id("day-list")).getText()).contains(saturday.toString(), "测试调休");
        assertThat(workingDays()).isEqualTo(before + 1);

        submitWith(By.xpath("//tr[td='" + saturday + "']//button"));
        assertThat(browser.findElement(By.id("day-list")).getText()).doesNotContain(saturday.toString());
        assertThat(workingDays()).isEqualTo(before);
    }

    private static void setDate(LocalDate date) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]",
                browser.findElement(By.id("date")), date.toString());
    }

    private static int workingDays() {
        return Integer.parseInt(browser.findElement(By.id("working-days")).getText().replaceAll("\\D+", ""));
    }

    @Test
    void theAdminSetsATimeLimitAndARung() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        logIn("admin");
        browser.get(url("/admin/sla?lang=zh_CN"));
        browser.findElement(By.id("scope")).clear();
        browser.findElement(By.id("scope")).sendKeys("测试分类" + tag);
        new Select(browser.findElement(By.id("stage"))).selectByValue("HANDLE");
        browser.findElement(By.id("amount")).sendKeys("7");
        submitWith(By.id("limit-submit"));
        assertThat(browser.findElement(By.id("limit-list")).getText()).contains("测试分类" + tag);

        browser.findElement(By.id("scope")).clear();
        browser.findElement(By.id("scope")).sendKeys("NO_SUCH_KIND");
        browser.findElement(By.id("amount")).sendKeys("3");
        submitWith(By.id("limit-submit"));
        assertThat(browser.findElement(By.id("limit-error")).getText()).contains("未知的诉求类型");

        browser.get(url("/admin/sla"));
        browser.findElement(By.id("percent")).sendKeys("0");
        submitWith(By.id("rung-submit"));
        assertThat(browser.findElement(By.id("rung-error")).getText()).isNotBlank();
        browser.findElement(By.id("percent")).clear();
        browser.findElement(By.id("percent")).sendKeys("977");
        new Select(browser.findElement(By.id("rung-stage"))).selectByValue("FOLLOW_UP");
        submitWith(By.id("rung-submit"));
        assertThat(browser.findElement(By.id("rung-list")).getText()).contains("977%");
        // removed again: the ladder is shared by the other tests
        submitWith(By.xpath("//tr[td='977%']//button"));
        assertThat(browser.findElement(By.id("rung-list")).getText()).doesNotContain("977%");

        // on the English page the saved notice names the kind and the stage in English, never by their codes
        browser.get(url("/admin/sla?lang=en"));
        browser.findElement(By.id("scope")).clear();
        browser.findElement(By.id("scope")).sendKeys("COMPLAINT");
        new Select(browser.findElement(By.id("stage"))).selectByValue("HANDLE");
        browser.findElement(By.id("amount")).clear();
        browser.findElement(By.id("amount")).sendKeys("13"); // the default, left as it was
        new Select(browser.findElement(By.id("unit"))).selectByValue("WORKING_DAYS");
        submitWith(By.id("limit-submit"));
        assertThat(browser.findElement(By.id("saved")).getText()).contains("Complaint")
                .doesNotContain("COMPLAINT").doesNotContain("HANDLE").doesNotContainPattern("\\p{IsHan}");
        browser.findElement(By.id("percent")).sendKeys("978");
        new Select(browser.findElement(By.id("rung-stage"))).selectByValue("FOLLOW_UP");
        submitWith(By.id("rung-submit"));
        assertThat(browser.findElement(By.id("saved")).getText()).contains("978%")
                .doesNotContain("FOLLOW_UP").doesNotContainPattern("\\p{IsHan}");
        submitWith(By.xpath("//tr[td='978%']//button"));
        assertThat(browser.findElement(By.id("saved")).getText()).doesNotContainPattern("\\p{IsHan}");
    }

    @Test
    void otherStaffCannotOpenTheAdminPages() {
        logIn("leader");
        browser.get(url("/admin/departments"));
        assertThat(presentNow(By.id("department-form"))).isEmpty();
    }
}
