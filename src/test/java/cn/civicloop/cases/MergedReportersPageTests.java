package cn.civicloop.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.civicloop.support.Api;
import cn.civicloop.support.ApiTest;
import cn.civicloop.support.PageSession;

/** The staff case page of a case that duplicates were merged into shows every reporter's own follow-up answer. */
class MergedReportersPageTests extends ApiTest {

    @Test
    void theCasePageShowsTheAnswerOfEachReporter() {
        Api.Answer first = submit(appeal("文化路下水道堵塞"));
        Map<String, Object> second = appeal("文化路下水道堵塞，污水外溢");
        second.put("channel", "WECHAT");
        second.put("contact", Map.of("name", "赵六", "phone", "13900002222"));
        Api.Answer dup = submit(second);
        String number = first.text("number");
        String dupNumber = dup.text("number");
        assertThat(act("operator", dupNumber, "merge", Map.of("intoNumber", number)).status()).isEqualTo(200);
        act("operator", number, "register", Map.of());
        act("dispatcher", number, "assign", Map.of("departmentId", departmentId("ZFJ")));
        act("zfj", number, "sign", Map.of());
        act("zfj", number, "reply", Map.of("text", "已疏通"));
        assertThat(act("officer", number, "approve", Map.of()).status()).isEqualTo(200);
        Api.Answer answered = api.post("/api/v1/public/cases/" + dupNumber + "/follow-up", null,
                Map.of("resolved", false, "satisfaction", "DISSATISFIED"),
                Map.of("X-Tracking-Token", dup.text("trackingToken")));
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);

        var reporters = api.get("/api/v1/cases/" + number, api.login("officer")).json().get("reporters");
        assertThat(reporters.size()).isEqualTo(2);
        assertThat(reporters.get(1).get("ownNumber").asString()).isEqualTo(dupNumber);
        assertThat(reporters.get(1).get("satisfaction").asString()).isEqualTo("DISSATISFIED");
        assertThat(reporters.get(0).get("answeredAt").isNull()).isTrue();

        String page = PageSession.login(port(), "officer").get("/workbench/cases/" + number + "?lang=en").body();
        String card = page.substring(page.indexOf("id=\"reporters\""));
        card = card.substring(0, card.indexOf("</table>"));
        assertThat(card).contains(dupNumber).contains("Not satisfied").contains("not resolved")
                .contains("Not answered yet");
    }
}
