package cn.civicloop.cases.web.pages;

import java.util.Comparator;
import java.util.List;

import cn.civicloop.cases.ActionField;
import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.CaseActions;
import cn.civicloop.cases.CaseView;

/** One form per action the viewer may take now, with the fields the action catalogue says it takes. */
final class ActionForms {

    /**
     * @param slug   the action in URLs and element ids ({@code assign-unit})
     * @param fields the fields the page asks for, in order
     */
    record Form(CaseAction action, String slug, String labelKey, List<ActionField> fields) {

        /** Whether the form has a field of this kind ({@code PHOTOS}, ...). */
        public boolean has(String kind) {
            return fields.stream().anyMatch(f -> f.kind().name().equals(kind));
        }
    }

    private ActionForms() {
    }

    static List<Form> of(CaseView view, CaseActions actions) {
        return view.allowedActions().stream().sorted(Comparator.comparing(Enum::ordinal))
                .map(a -> form(a, actions)).toList();
    }

    static Form form(CaseAction a, CaseActions actions) {
        return new Form(a, a.slug(), a.labelKey(), actions.fields(a).stream().filter(ActionField::onForm).toList());
    }
}
