package cn.civicloop.notify.internal;

import java.util.Map;
import java.util.Optional;

/**
 * What the resident is told at the public steps of his case. Internal steps (signing, returns, reviews) are not
 * his concern and send nothing. The texts carry the case number only, never personal data, and point to the
 * tracking page for details (the reasons and answers are there, behind the tracking token).
 */
final class ResidentTexts {

    private static final String SIGN = "【12345】";

    private static final Map<String, String> BY_ACTION = Map.of(
            "REGISTER", "您反映的诉求已受理，工单号%s。我们将尽快转交办理，可凭工单号和查询码查询进度。",
            "DECLINE", "您反映的诉求（工单号%s）未予受理，原因可凭查询码查看。",
            "ANSWER", "您的诉求（工单号%s）已直接答复，请凭查询码查看答复内容。",
            // only the first assignment: a reassignment after a return is the centre's business
            "ASSIGN", "您的诉求（工单号%s）已转交承办单位办理。",
            "APPROVE", "您的诉求（工单号%s）办理结果已反馈，请留意回访。",
            "CLOSE", "您的诉求（工单号%s）已办结，感谢您的支持与监督。",
            "REOPEN", "您的重办申请已受理，工单号%s已重新转交承办单位办理。");

    private ResidentTexts() {
    }

    static boolean hasText(String actionName) {
        return BY_ACTION.containsKey(actionName);
    }

    static Optional<String> forAction(String actionName, String caseNumber) {
        return Optional.ofNullable(BY_ACTION.get(actionName)).map(t -> SIGN + t.formatted(caseNumber));
    }
}
