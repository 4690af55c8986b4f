package cn.civicloop.roads.web;

/** Values of the road pages' forms as their handlers need them. */
final class FormValues {

    private FormValues() {
    }

    /** A decimal typed in a form, or null when empty or not a number. */
    static Double number(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
