package cn.civicloop.cases;

import java.util.Locale;
import java.util.Optional;

/**
 * Everything that can be done to a case, or is recorded on its timeline. What each action takes, who may do it,
 * in which statuses, what the resident sees of it and what it does to the stage clocks is written once, in the
 * action catalogue ({@code cases.internal.ActionCatalogue}; others read it through {@link CaseActions}).
 */
public enum CaseAction {
    SUBMIT("提交诉求"),
    REGISTER("受理"),
    DECLINE("不予受理"),
    ANSWER("直接答复"),
    ASSIGN("派单"),
    REASSIGN("改派"),
    ASSIGN_UNIT("二级派单"),
    SIGN("签收"),
    RETURN("退单"),
    DENY_RETURN("驳回退单"),
    REQUEST_EXTENSION("申请延期"),
    APPROVE_EXTENSION("同意延期"),
    DENY_EXTENSION("不同意延期"),
    PARK("挂账"),
    RESUME("恢复办理"),
    REPLY("办结反馈"),
    APPROVE("审核通过"),
    REJECT("驳回返工"),
    FOLLOW_UP("回访"),
    CLOSE("办结"),
    REWORK("回访不满意重办"),
    REOPEN("群众申请重办"),
    VOID("作废"),
    MERGE("合并重复件"),
    NOTE("备注"),
    CONTACT("首次联系诉求人"),
    URGE("催办"),
    SUPERVISE("督办"),
    ACKNOWLEDGE("回应督办"),
    ADD_CO_HANDLER("增加协办单位"),
    RELEASE_CO_HANDLER("解除协办"),
    CO_SIGN("协办签收"),
    CO_REPLY("协办反馈"),
    CO_RETURN("协办退回"),
    ARBITRATE("终审派单"),
    /** Triage takes the urgency a resident asked for: the case becomes urgent and its urgent clock starts. */
    CONFIRM_URGENCY("确认紧急"),
    /** Triage does not take the urgency a resident asked for: the case stays as it is. */
    REJECT_URGENCY("不予紧急"),
    /** Recorded by the escalation ladder only. */
    REMIND("超时提醒"),
    /** Recorded by the escalation ladder only: 通报 to the district leaders (not 举报, {@link AppealKind#REPORT}). */
    CIRCULATE("超时通报"),
    /** The district centre confirms or corrects where the case is (a pin moved, a standard address picked). */
    PLACE("确认位置"),
    /**
     * A step of the media centre's supervision item on the case (融媒体监督: opened, the department's public response,
     * published), recorded through {@link MediaSupervisionTimeline} only.
     */
    MEDIA_SUPERVISION("融媒体监督");

    private final String label;

    CaseAction(String label) {
        this.label = label;
    }

    /** The Chinese label written into records (timeline, letters); pages use {@link #labelKey()}. */
    public String label() {
        return label;
    }

    /** The action in URLs, element ids and message keys: {@code assign-unit}. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The key of the action's label in the message bundles ({@code messages-cases}). */
    public String labelKey() {
        return "cases.action." + slug();
    }

    /** The action a slug names ({@code assign-unit}; case and {@code _} for {@code -} do not matter). */
    public static Optional<CaseAction> ofSlug(String slug) {
        try {
            return Optional.of(valueOf(slug.strip().toUpperCase(Locale.ROOT).replace('-', '_')));
        } catch (IllegalArgumentException | NullPointerException unknown) {
            return Optional.empty();
        }
    }
}
