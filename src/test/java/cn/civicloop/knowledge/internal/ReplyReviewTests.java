package cn.civicloop.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The reply review's checklist on replies written to show each point met and missed. */
class ReplyReviewTests {

    static final Instant ASKED = Instant.parse("2026-11-02T01:00:00Z");
    static final String TITLE = "建设路幸福小区门口夜间烧烤油烟扰民";
    static final String APPEAL = "建设路幸福小区门口有烧烤摊每天夜里营业到凌晨，油烟很大，请处理。";

    private static ReplyReview.Checklist review(String reply, Duration after) {
        return ReplyReview.of(TITLE, APPEAL, reply, ASKED, ASKED.plus(after), null);
    }

    @Test
    void aCompleteReplyMeetsEveryPoint() {
        var c = review("区综合行政执法局执法一中队于11月3日晚到建设路幸福小区门口现场检查，对占道烧烤摊主进行约谈，"
                + "烧烤摊已拆除并清理完毕，油烟扰民问题已解决。联系人：王队长，联系电话：0632-3312345。", Duration.ofDays(2));
        assertThat(c.topic().met()).isTrue();
        assertThat(c.place().met()).isTrue();
        assertThat(c.done().met()).isTrue();
        assertThat(c.result().met()).isTrue();
        assertThat(c.who().met()).isTrue();
        assertThat(c.when().met()).isTrue();
        assertThat(c.contact().met()).isTrue();
        assertThat(c.grounds().met()).as("nothing refused: not applicable").isNull();
        assertThat(c.timely().met()).isTrue();
        assertThat(c.promiseOnly()).isFalse();
        assertThat(c.met()).isEqualTo(c.applicable());
    }

    @Test
    void aReplyThatOnlyPromisesIsFlaggedAndMissesTheResult() {
        var c = review("您好，您反映的问题已收悉，我们将尽快处理。", Duration.ofDays(20));
        assertThat(c.promiseOnly()).isTrue();
        assertThat(c.result().met()).isFalse();
        assertThat(c.contact().met()).isFalse();
        assertThat(c.place().met()).isFalse();
        assertThat(c.place().evidence()).anyMatch(p -> p.contains("建设路"));
        assertThat(c.timely().met()).isFalse();
        assertThat(c.timely().evidence()).containsExactly("20");
        assertThat(ReplyReview.promises("我们将尽快处理")).containsExactly("将尽快");
    }

    @Test
    void aRefusalMustGiveItsGrounds() {
        var bare = review("经核实，该问题不属于我单位职责范围，无法处理。", Duration.ofDays(3));
        assertThat(bare.grounds().met()).isFalse();
        assertThat(bare.grounds().evidence()).contains("不属于");
        var grounded = review("经核实，根据《枣庄市城市市容和环境卫生管理办法》第十二条，该路段不属于我单位管理范围，"
                + "已转交中心街道办事处。", Duration.ofDays(3));
        assertThat(grounded.grounds().met()).isTrue();
        assertThat(grounded.grounds().evidence()).anyMatch(w -> w.startsWith("《"));
    }

    @Test
    void emojiOnlyIsAnEmptyReplyNotAPromise() {
        var c = review("👍👍🙏", Duration.ofDays(1));
        assertThat(c.empty()).isTrue();
        assertThat(c.promiseOnly()).isFalse();
        assertThat(c.topic().met()).isFalse();
        assertThat(ReplyReview.of(TITLE, APPEAL, null, null, null, null).empty()).isTrue();
    }

    @Test
    void theDeadlineOfTheCaseDecidesTimelinessWhenKnown() {
        Instant replied = ASKED.plus(Duration.ofDays(3));
        assertThat(ReplyReview.of(TITLE, APPEAL, "已处理", ASKED, replied, ASKED.plus(Duration.ofDays(2)))
                .timely().met()).isFalse();
        assertThat(ReplyReview.of(TITLE, APPEAL, "已处理", ASKED, replied, ASKED.plus(Duration.ofDays(4)))
                .timely().met()).isTrue();
    }

    @Test
    void nearIdenticalRepliesHaveNearPrintsAndDifferentOnesDoNot() {
        String a = "网友您好，您反映的问题已收悉，我单位高度重视，已安排工作人员现场核实处理，感谢您对我们工作的支持。";
        String b = "网友您好，您反映的问题已收悉，我单位高度重视，已安排工作人员现场核实处置，感谢您对我们工作的支持。";
        String c = "区住建局市政维护所于11月5日更换了文化路北段损坏的路灯灯头，路灯已恢复正常照明。";
        assertThat(ReplyPrint.distance(ReplyPrint.of(a), ReplyPrint.of(a))).isZero();
        assertThat(ReplyPrint.distance(ReplyPrint.of(a), ReplyPrint.of(b))).isLessThanOrEqualTo(6);
        assertThat(ReplyPrint.distance(ReplyPrint.of(a), ReplyPrint.of(c))).isGreaterThan(12);
    }

    @Test
    void anEnquiryIsAnsweredNotDone() {
        String answer = "根据《社会救助暂行办法》，家庭人均收入低于低保标准的，可向户籍所在街道提出申请，咨询电话0632-3312345。";
        var asked = ReplyReview.of("咨询低保怎么申请", "请问低保怎么申请？", answer, ASKED, ASKED.plusSeconds(3600), null, true);
        assertThat(asked.done().met()).isNull();
        assertThat(asked.result().met()).isNull();
        assertThat(asked.contact().met()).isTrue();
        var complaint = ReplyReview.of("咨询低保怎么申请", "请问低保怎么申请？", answer, ASKED, ASKED.plusSeconds(3600), null);
        assertThat(complaint.result().met()).isFalse();
    }
}
