package cn.civicloop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import cn.civicloop.support.ApiTest;

/**
 * Every error a person's browser can reach is the site's page in the page's language with a way back — never
 * Spring's Whitelabel page, never a problem document — while the API keeps its problem documents.
 */
class ErrorPagesTests extends ApiTest {

    private static final Pattern CJK = Pattern.compile("\\p{IsHan}");

    @Test
    void aFormPostWithoutOrWithAStaleCsrfTokenIsAPageSayingTheFormExpired() {
        PageSession resident = PageSession.anonymous(port());
        HttpResponse<String> missing = resident.page("POST", "/report", "title=x&content=y");
        assertErrorPage(missing, 403, "表单已过期");

        PageSession officer = PageSession.login(port(), "officer");
        String stale = officer.csrfOf("/workbench");
        officer.page("POST", "/logout", "_csrf=" + stale);
        HttpResponse<String> expired = officer.page("POST", "/login", "username=officer&password=x&_csrf=" + stale);
        assertErrorPage(expired, 403, "表单已过期");
        assertThat(expired.body()).contains("id=\"error-back\"").contains("href=\"/workbench\"");

        PageSession english = PageSession.anonymous(port());
        english.get("/report?lang=en");
        HttpResponse<String> inEnglish = english.page("POST", "/report", "title=x&content=y");
        assertErrorPage(inEnglish, 403, "Form expired");
        assertThat(visibleText(inEnglish.body())).doesNotContainPattern(CJK);
    }

    @Test
    void notFoundNotAllowedAndWrongMethodArePagesInTheSitesLanguage() {
        PageSession handler = PageSession.login(port(), "zfj");
        assertErrorPage(handler.page("GET", "/workbench/no-such-page", null), 404, "页面不存在");
        assertErrorPage(handler.page("GET", "/admin/departments", null), 403, "无权查看");
        assertErrorPage(handler.page("GET", "/track/follow-up", null), 405, "不支持的操作");

        handler.get("/workbench?lang=en");
        HttpResponse<String> notFound = handler.page("GET", "/workbench/no-such-page", null);
        assertErrorPage(notFound, 404, "Page not found");
        assertThat(visibleText(notFound.body())).doesNotContainPattern(CJK);
        assertErrorPage(handler.page("GET", "/admin/staff", null), 403, "Not allowed");
    }

    @Test
    void aRefusalOfAPageShowsItsReasonInThePagesLanguageOnly() {
        PageSession officer = PageSession.login(port(), "officer");
        HttpResponse<String> zh = officer.page("GET", "/workbench/cases/NO-SUCH-NUMBER", null);
        assertThat(zh.statusCode()).isEqualTo(404);
        assertThat(zh.body()).doesNotContain("Whitelabel").doesNotContain("(no ").doesNotContain("\"status\"");
    }

    @Test
    void apiPathsKeepTheirProblemDocumentsEvenForABrowser() {
        PageSession browser = PageSession.login(port(), "officer");
        HttpResponse<String> r = browser.page("GET", "/api/v1/no-such-resource", null);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(r.body()).contains("\"status\":").doesNotContain("<html");
    }

    private static void assertErrorPage(HttpResponse<String> r, int status, String title) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(r.body()).doesNotContain("Whitelabel").contains("id=\"error-page\"")
                .contains("id=\"error-title\">" + title + "<")
                .containsPattern("id=\"error-(home|home-public|back)\"");
    }

    /** The text a person reads: without tags, scripts and attribute values (the language switch is a link). */
    private static String visibleText(String html) {
        return html.replaceAll("(?s)<script.*?</script>", " ").replaceAll("(?s)<[^>]*>", " ")
                .replace("中文", "");
    }
}
