package cn.civicloop.intake.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

import cn.civicloop.cases.CaseStatus;
import cn.civicloop.cases.OpenedCase;

/** A double click on the report page: the second answer has no code, the same browser sees the first one's. */
class FirstAnswersTests {

    private static final Instant DUE = Instant.parse("2026-12-20T09:00:00Z");

    @Test
    void theSameBrowserSeesTheCodeOfItsFirstAnswerAgainAndNoOtherBrowserDoes() {
        MockHttpSession browser = new MockHttpSession();
        OpenedCase first = new OpenedCase("SZ-20261206-000001", "code-1", CaseStatus.SUBMITTED, "待受理", DUE, true);
        OpenedCase replay = new OpenedCase("SZ-20261206-000001", null, CaseStatus.SUBMITTED, "待受理", DUE, false);

        assertThat(FirstAnswers.sameBrowser(browser, "web-1", first)).isEqualTo(first);
        assertThat(FirstAnswers.sameBrowser(browser, "web-1", replay).trackingToken()).isEqualTo("code-1");
        assertThat(FirstAnswers.sameBrowser(new MockHttpSession(), "web-1", replay).trackingToken()).isNull();
        assertThat(FirstAnswers.sameBrowser(browser, "web-2", replay).trackingToken()).isNull();
    }
}
