package cn.civicloop.cases.web.pages;

import static cn.civicloop.cases.CaseAction.*;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.CaseView;

/** One form per action the viewer may take now, each with the fields its command needs. */
final class ActionForms {

    /**
     * @param slug   the action in URLs and element ids ({@code assign-unit})
     * @param remark which free-text field the command records: reason, note or text
     * @param fields the extra fields: department, unit, coHandler, days, followUp, target, photos, public
     */
    record Form(CaseAction action, String slug, String remark, boolean remarkRequired, Set<String> fields) {
        public boolean has(String field) {
            return fields.contains(field);
        }
    }

    private static final Set<CaseAction> REASON = EnumSet.of(DECLINE, REASSIGN, RETURN, DENY_RETURN,
            REQUEST_EXTENSION, DENY_EXTENSION, PARK, REJECT, REWORK, REOPEN, VOID, RELEASE_CO_HANDLER, CO_RETURN,
            ARBITRATE);
    private static final Set<CaseAction> TEXT = EnumSet.of(ANSWER, REPLY, NOTE, CO_REPLY);

    private ActionForms() {
    }

    static List<Form> of(CaseView view) {
        return view.allowedActions().stream().sorted(Comparator.comparing(Enum::ordinal)).map(ActionForms::form).toList();
    }

    static Form form(CaseAction a) {
        String slug = a.name().toLowerCase(Locale.ROOT).replace('_', '-');
        String remark = REASON.contains(a) ? "reason" : TEXT.contains(a) ? "text" : "note";
        boolean required = REASON.contains(a) || TEXT.contains(a);
        Set<String> fields = switch (a) {
            case ASSIGN, REASSIGN, ARBITRATE, ADD_CO_HANDLER -> Set.of("department");
            case ASSIGN_UNIT -> Set.of("unit");
            case RELEASE_CO_HANDLER -> Set.of("coHandler");
            case REQUEST_EXTENSION -> Set.of("days");
            case FOLLOW_UP -> Set.of("followUp");
            case MERGE -> Set.of("target");
            case REPLY -> Set.of("photos");
            case NOTE -> Set.of("public");
            default -> Set.of();
        };
        return new Form(a, slug, remark, required, fields);
    }
}
