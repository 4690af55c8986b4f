package cn.civicloop.cases.web;

import cn.civicloop.cases.Satisfaction;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of any case action. Each action reads the fields it needs and says which one is missing;
 * unknown fields are ignored.
 */
@Schema(description = "Fields used by case actions: reason/note/text as the action needs, departmentId+unitId for "
        + "assign/reassign, unitId for assign-unit, workingDays for request-extension, resolved+satisfaction for "
        + "follow-up, intoNumber for merge, publicNote for note")
record ActionRequest(String reason, String note, String text, Long departmentId, Long unitId, Integer workingDays,
        Boolean resolved, Satisfaction satisfaction, String intoNumber, Boolean publicNote) {

    static ActionRequest empty() {
        return new ActionRequest(null, null, null, null, null, null, null, null, null, null);
    }
}
