package cn.civicloop.web;

import static cn.civicloop.support.CaseSteps.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;

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
import cn.civicloop.dispatch.DemoBlocks;
import cn.civicloop.dispatch.IncidentAction;
import cn.civicloop.dispatch.IncidentStatus;
import cn.civicloop.dispatch.IncidentType;
import cn.civicloop.dispatch.UnitAction;
import cn.civicloop.dispatch.UnitStatus;
import cn.civicloop.roads.internal.issues.IssueAction;
import cn.civicloop.roads.internal.issues.IssueStatus;
import cn.civicloop.roads.internal.whistles.WhistleAction;
import cn.civicloop.roads.internal.whistles.WhistleStatus;
import cn.civicloop.support.Api;
import cn.civicloop.support.BrowserTest;
import cn.civicloop.support.PageLanguageCheck;
import tools.jackson.databind.JsonNode;

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
                DepartmentKind.class, IncidentStatus.class, IncidentType.class, IncidentAction.class, UnitStatus.class,
                UnitAction.class, IssueStatus.class, IssueAction.class, WhistleStatus.class, WhistleAction.class))
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

    /**
     * The 110 desk's day: a call placed by typed coordinates, the units ranked for it, the first dispatched with one
     * click; then the command map.
     */
    @Test
    void policeDesk() {
        JsonNode b3 = DemoBlocks.block(api, "B3");
        try {
            policeDeskDay(b3);
        } finally {
            // the units go back on patrol, also when the walk failed: other tests rank the same blocks' units
            dispatched.forEach(n -> api.post("/api/v1/dispatch/incidents/" + n + "/cancel", api.login("police-desk"),
                    java.util.Map.of("reason", "巡查结束")));
        }
    }

    private void policeDeskDay(JsonNode b3) {
        walkDoing("police-desk", english -> {
            open("/dispatch", english);
            Waits.until(browser, 15, d -> !d.findElements(By.cssSelector("#desk-map .post-icon")).isEmpty());
            look(english);
            new Select(browser.findElement(By.id("call-type"))).selectByValue("DISPUTE");
            browser.findElement(By.id("call-summary")).sendKeys("角色巡查：小区门口两人争吵");
            // each language's calls at their own place: a call like an open one at the same place would join it
            double north = english ? 0.006 : 0.003;
            browser.findElement(By.id("call-lat")).sendKeys(String.valueOf(b3.get("postLat").asDouble() + north));
            browser.findElement(By.id("call-lon")).sendKeys(String.valueOf(b3.get("postLon").asDouble() + 0.002));
            look(english);
            browser.findElement(By.id("call-submit")).click();
            Waits.until(browser, 15, d -> d.findElement(By.id("incident-number")).getText().startsWith("JQ"));
            Waits.until(browser, 15, d -> !d.findElements(By.cssSelector("#recommendations tr.rec")).isEmpty());
            Waits.until(browser, 15, d -> !d.findElement(By.id("incident-log")).getText().isBlank());
            look(english);
            Waits.click(browser, By.cssSelector("#recommendations tr.rec button.dispatch-btn"));
            Waits.until(browser, 15, d -> "DISPATCHED".equals(d.findElement(By.id("incident-status")).getAttribute("data-status")));
            Waits.until(browser, 15, d -> d.findElement(By.id("incident-units")).getText().contains("-"));
            look(english);
            dispatched.add(browser.findElement(By.id("incident-number")).getText());
            // a minor accident without injury goes to the insurer: the desk shows the linkage case and its state
            new Select(browser.findElement(By.id("call-type"))).selectByValue("TRAFFIC_MINOR");
            browser.findElement(By.id("call-summary")).sendKeys("角色巡查：两车剐蹭，无人受伤");
            browser.findElement(By.id("call-lat")).sendKeys(String.valueOf(b3.get("postLat").asDouble() - north));
            browser.findElement(By.id("call-lon")).sendKeys(String.valueOf(b3.get("postLon").asDouble() + 0.001));
            String before = browser.findElement(By.id("incident-number")).getText();
            browser.findElement(By.id("call-submit")).click();
            Waits.until(browser, 15, d -> !before.equals(d.findElement(By.id("incident-number")).getText())
                    && "OPEN".equals(d.findElement(By.id("incident-status")).getAttribute("data-status")));
            Waits.click(browser, By.id("divert-submit"));
            Waits.until(browser, 15, d -> "DIVERTED".equals(d.findElement(By.id("incident-status")).getAttribute("data-status"))
                    && d.findElement(By.id("case-number")).getText().startsWith("SZ-")
                    && !d.findElement(By.id("case-status")).getText().isBlank());
            look(english);
            open("/dispatch/map", english);
            Waits.until(browser, 15, d -> !d.findElements(By.cssSelector("#counters tr[data-block]")).isEmpty());
            look(english);
        });
    }

    private final List<String> dispatched = new ArrayList<>();

    /** A unit on duty: the order arrives on its phone, which acknowledges, reports arrival and clears. */
    @Test
    void policeTerminalOnDuty() {
        String desk = api.login("police-desk");
        JsonNode unit = api.get("/api/v1/dispatch/units", desk).json().valueStream()
                .filter(u -> u.get("onDuty").asBoolean() && u.get("status").asString().equals("AVAILABLE")
                        && !u.get("terminalAccount").isNull())
                .findFirst().orElseThrow(() -> new IllegalStateException("no unit on duty with a terminal account"));
        JsonNode block = DemoBlocks.block(api, unit.get("blockCode").asString());
        phoneAt(block.get("postLat").asDouble(), block.get("postLon").asDouble());
        walkDoing(unit.get("terminalAccount").asString(), english -> {
            java.util.Map<String, Object> call = new java.util.HashMap<>();
            call.put("type", "MISSING_PERSON");
            call.put("summary", "角色巡查：老人走失");
            call.put("lat", block.get("postLat").asDouble() + 0.001);
            call.put("lon", block.get("postLon").asDouble() + 0.001);
            call.put("separate", true);
            String number = api.post("/api/v1/dispatch/incidents", desk, call).json().get("incident").get("number")
                    .asString();
            api.post("/api/v1/dispatch/incidents/" + number + "/dispatch", desk,
                    java.util.Map.of("unit", unit.get("code").asString()));
            open("/terminal", english);
            Waits.until(browser, 15, d -> number.equals(d.findElement(By.id("order-number")).getText()));
            look(english);
            for (String[] step : List.of(new String[] {"btn-ack", "ACKNOWLEDGED"}, new String[] {"btn-arrive", "ON_SCENE"},
                    new String[] {"btn-clear", "AVAILABLE"})) {
                Waits.click(browser, By.id(step[0]));
                Waits.until(browser, 15, d -> step[1].equals(d.findElement(By.id("unit-status")).getAttribute("data-status")));
                look(english);
            }
        });
    }

    /** A road inspector on patrol reports an issue he cannot fix; it goes to his squad leader. */
    @Test
    void roadInspector() {
        phoneAt(34.830107, 117.521667);
        walkDoing("road3", english -> {
            open("/roads/patrol", english);
            if (!presentNow(By.id("patrol-start")).isEmpty()) {
                submitWith(By.id("patrol-start"));
            }
            look(english);
            browser.findElement(By.id("issue-title")).sendKeys("角色巡查：路灯杆倾斜");
            browser.findElement(By.id("issue-lat")).sendKeys("34.830107");
            browser.findElement(By.id("issue-lon")).sendKeys("117.521667");
            ((JavascriptExecutor) browser).executeScript("document.getElementById('issue-submit').scrollIntoView()");
            submitWith(By.id("issue-submit"));
            assertThat(browser.findElements(By.id("notice"))).as("the issue was accepted").isNotEmpty();
            look(english);
            open("/roads", english);
            look(english);
        });
    }

    /** A grid worker reports what he found; it becomes a case at once. */
    @Test
    void gridWorker() {
        phoneAt(34.830107, 117.521667);
        walkDoing("grid1", english -> {
            open("/roads/report", english);
            look(english);
            browser.findElement(By.id("title")).sendKeys("角色巡查：楼道堆放杂物");
            browser.findElement(By.id("content")).sendKeys("三单元楼道堆放大量纸箱，存在消防隐患。");
            browser.findElement(By.id("issue-lat")).sendKeys("34.830107");
            browser.findElement(By.id("issue-lon")).sendKeys("117.521667");
            ((JavascriptExecutor) browser).executeScript("document.getElementById('report-submit').scrollIntoView()");
            submitWith(By.id("report-submit"));
            assertThat(browser.findElements(By.id("report-number"))).as("the report became a case").isNotEmpty();
            look(english);
        });
    }

    /** The squad leader and the area chief: the issues passed up to them, whistles and the weekly briefing. */
    @Test
    void roadChiefs() {
        // the week's matters: an inspector's issue handed to a department (a case), one passed up to the area chief,
        // a whistle that a department answered on site
        long handed = roadIssue("角色巡查：井盖破损");
        ok(api.post("/api/v1/roads/issues/" + handed + "/hand-over", api.login("road2"),
                java.util.Map.of("remark", "需住建部门更换井盖")));
        long up = roadIssue("角色巡查：护栏缺失");
        ok(api.post("/api/v1/roads/issues/" + up + "/escalate", api.login("road2"), java.util.Map.of()));
        Api.Answer whistle = ok(api.post("/api/v1/roads/whistles", api.login("road2"), java.util.Map.of(
                "title", "角色巡查：路面塌陷", "description", "路面塌陷，需封闭抢修", "segmentCode", "R01-1",
                "departments", List.of("ZFJ", "JTJ"))));
        ok(api.post("/api/v1/roads/whistles/" + whistle.json().get("id").asLong() + "/report", api.login("zfj"),
                java.util.Map.of("remark", "已到场围挡")));
        phoneAt(34.830107, 117.521667);
        for (String chief : List.of("road2", "road1")) {
            walkDoing(chief, english -> {
                open("/roads/patrol", english);
                look(english);
                for (String path : List.of("/roads/whistles", "/roads/briefing")) {
                    open(path, english);
                    look(english);
                }
            });
        }
    }

    /** An issue the inspector cannot fix, reported on his own segment: it goes to his squad leader. */
    private long roadIssue(String title) {
        return ok(api.post("/api/v1/roads/issues", api.login("road3"), java.util.Map.of("title", title,
                "description", title + "，现场无法处置", "segmentCode", "R01-1"))).json().get("id").asLong();
    }

    /** The phone's position, as its GPS gives it (the test machine has no location service). */
    private void phoneAt(double lat, double lon) {
        var chromium = (org.openqa.selenium.chromium.ChromiumDriver) browser;
        chromium.executeCdpCommand("Browser.grantPermissions",
                java.util.Map.of("origin", url(""), "permissions", List.of("geolocation")));
        chromium.executeCdpCommand("Emulation.setGeolocationOverride",
                java.util.Map.of("latitude", lat, "longitude", lon, "accuracy", 10));
    }

    @AfterEach
    void noPhonePosition() {
        ((org.openqa.selenium.chromium.ChromiumDriver) browser).executeCdpCommand("Emulation.clearGeolocationOverride",
                java.util.Map.of());
    }

    private final List<String> problems = new ArrayList<>();

    /** Logs in and does the role's day once in Chinese and once in English, looking at each page it meets. */
    private void walkDoing(String user, Consumer<Boolean> day) {
        browser.manage().deleteAllCookies();
        new StaffSession(browser, url("")).login(user);
        browser.manage().logs().get(LogType.BROWSER).getAll();
        problems.clear();
        day.accept(false);
        day.accept(true);
        assertThat(problems).as(user + ":\n" + PageLanguageCheck.describe(problems)).isEmpty();
    }

    private void open(String path, boolean english) {
        browser.get(url(path + (path.contains("?") ? "&" : "?") + "lang=" + (english ? "en" : "zh_CN")));
        browser.findElement(By.tagName("body"));
        assertThat(browser.getCurrentUrl()).as("lands on " + path).contains(path);
    }

    /** Checks the page as it is now, with every folded part ({@code <details>}) opened, as a reader would. */
    private void look(boolean english) {
        ((JavascriptExecutor) browser).executeScript(
                "document.querySelectorAll('details').forEach(function (d) { d.open = true; })");
        problems.addAll(check.problems(browser, english, Clock.systemUTC()));
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
