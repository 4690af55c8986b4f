package cn.civicloop.cases.web;

import java.util.HashMap;
import java.util.Map;

import cn.civicloop.cases.Satisfaction;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of any case action. Each action reads the fields it takes (the action catalogue's list, the same as
 * the page form's) and names any that is missing; unknown fields are ignored.
 */
@Schema(description = "Fields used by case actions: reason/note/text as the action needs, departmentId+unitId for "
        + "assign/reassign, unitId for assign-unit, workingDays for request-extension, resolved+satisfaction for "
        + "follow-up, intoNumber for merge, publicNote for note")
record ActionRequest(String reason, String note, String text, Long departmentId, Long unitId, Integer workingDays,
        Boolean resolved, Satisfaction satisfaction, String intoNumber, Boolean publicNote) {

    static ActionRequest empty() {
        return new ActionRequest(null, null, null, null, null, null, null, null, null, null);
    }

    /** The fields sent, by name. */
    Map<String, Object> values() {
        Map<String, Object> v = new HashMap<>();
        v.put("reason", reason);
        v.put("note", note);
        v.put("text", text);
        v.put("departmentId", departmentId);
        v.put("unitId", unitId);
        v.put("workingDays", workingDays);
        v.put("resolved", resolved);
        v.put("satisfaction", satisfaction);
        v.put("intoNumber", intoNumber);
        v.put("publicNote", publicNote);
        v.values().removeIf(java.util.Objects::isNull);
        return v;
    }
}
