package cn.civicloop.cases;

/**
 * Everything that can be done to a case. Which action is allowed in which status is decided by one table
 * ({@code cases.internal.Transitions}); who may do it by {@code cases.internal.CaseAccess}.
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
    /** Recorded by the escalation ladder only. */
    REMIND("超时提醒"),
    /** Recorded by the escalation ladder only. */
    CIRCULATE("超时通报");

    private final String label;

    CaseAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
