package cn.civicloop.shared;

/**
 * Masks personal data for any view that is not the resident's own staff-facing record: public pages,
 * published cases, departments when the resident asked to stay anonymous.
 * The formats follow common 12345 practice: 张** / 138****5678.
 */
public final class Masking {

    private Masking() {
    }

    public static String name(String name) {
        if (name == null || name.isBlank()) {
            return name;
        }
        String trimmed = name.strip();
        int first = trimmed.codePointAt(0);
        int rest = trimmed.codePointCount(0, trimmed.length()) - 1;
        return new StringBuilder().appendCodePoint(first).append("*".repeat(Math.max(1, rest))).toString();
    }

    public static String phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return phone;
        }
        String digits = phone.strip();
        if (digits.length() <= 4) {
            return "*".repeat(digits.length());
        }
        if (digits.length() < 8) {
            return "*".repeat(digits.length() - 2) + digits.substring(digits.length() - 2);
        }
        return digits.substring(0, 3) + "*".repeat(digits.length() - 7) + digits.substring(digits.length() - 4);
    }
}
