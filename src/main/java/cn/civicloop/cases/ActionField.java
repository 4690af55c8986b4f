package cn.civicloop.cases;

/**
 * A field a case action takes, under the same name in the JSON body of the API and in the page's form. The action
 * catalogue lists each action's fields in the order a page shows them.
 *
 * @param name     the field's name: {@code reason}, {@code departmentId}, ...
 * @param kind     what the value is, and so how a page asks for it
 * @param required whether the action needs it. A missing id, number or choice is refused before the command is
 *                 built; a missing text by the command's own check, which commands built by other modules meet too
 * @param onForm   whether the page's form offers it (an optional unit on assignment is the API's only)
 */
public record ActionField(String name, Kind kind, boolean required, boolean onForm) {

    /** What a field's value is. */
    public enum Kind {
        /** free text: a reason, note, answer or reply */
        TEXT,
        /** a handling department (id) */
        DEPARTMENT,
        /** one of the case's co-handling departments (id) */
        CO_HANDLER,
        /** a unit (二级单位) of the department (id) */
        UNIT,
        /** a whole number of working days */
        WORKING_DAYS,
        /** yes or no ({@code true}/{@code false}) */
        YES_NO,
        /** a {@link Satisfaction} */
        SATISFACTION,
        /** another case's number */
        CASE_NUMBER,
        /** a tick box: {@code true}, or {@code on} from a form */
        CHECKBOX,
        /** evidence photos (multipart parts {@code photos}) */
        PHOTOS;

        /** Text-like values: a missing one is the command's own check to refuse. */
        public boolean text() {
            return this == TEXT || this == CASE_NUMBER;
        }
    }
}
