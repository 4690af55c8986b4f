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

    private static final String MERGED = "您反映的诉求（工单号%s）与工单%s为同一事项，已并入该工单一并办理。"
            + "您可继续凭原工单号和查询码查询办理进度，办结后我们也会向您回访。";

    static boolean hasText(String actionName) {
        return BY_ACTION.containsKey(actionName) || "MERGE".equals(actionName);
    }

    static Optional<String> forAction(String actionName, String caseNumber) {
        return Optional.ofNullable(BY_ACTION.get(actionName)).map(t -> SIGN + t.formatted(caseNumber));
    }

    /** The text for a reporter who knows the case as {@code ownNumber}: a merged duplicate's reporter is reminded. */
    static Optional<String> forAction(String actionName, String caseNumber, String ownNumber) {
        return forAction(actionName, caseNumber).map(t -> ownNumber == null || ownNumber.equals(caseNumber) ? t
                : t + "（您的工单" + ownNumber + "已并入此件）");
    }

    /** To the reporters of a duplicate merged into {@code intoNumber}: which case now handles theirs. */
    static String merged(String ownNumber, String intoNumber) {
        return SIGN + MERGED.formatted(ownNumber, intoNumber);
    }
}
