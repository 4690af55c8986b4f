package cn.civicloop.evaluation;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.shared.Phrase;

/**
 * A period of evaluation in district days (Asia/Shanghai), both ends included: a month {@code 2026-11}, a quarter
 * {@code 2026-Q4}, a year {@code 2026} or a range {@code 2026-11-03..2026-11-20}.
 */
public record Period(String key, LocalDate from, LocalDate to) {

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern RANGE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\.\\.(\\d{4}-\\d{2}-\\d{2})");
    /** The longest range accepted (a few years of figures, not an accidental century). */
    static final int MAX_DAYS = 3 * 366;

    public static Period parse(String text) {
        String s = text == null ? "" : text.strip().toUpperCase(java.util.Locale.ROOT);
        try {
            Matcher m;
            if ((m = YEAR.matcher(s)).matches()) {
                int y = Integer.parseInt(m.group(1));
                return new Period(s, LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31));
            }
            if ((m = QUARTER.matcher(s)).matches()) {
                int y = Integer.parseInt(m.group(1));
                int q = Integer.parseInt(m.group(2));
                LocalDate from = LocalDate.of(y, 3 * q - 2, 1);
                return new Period(s, from, from.plusMonths(3).minusDays(1));
            }
            if ((m = MONTH.matcher(s)).matches()) {
                YearMonth ym = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                return new Period(s, ym.atDay(1), ym.atEndOfMonth());
            }
            if ((m = RANGE.matcher(s)).matches()) {
                LocalDate from = LocalDate.parse(m.group(1));
                LocalDate to = LocalDate.parse(m.group(2));
                if (to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to)) {
                    throw new InvalidInputException("period", Phrase.of("problem.evaluation.period-range",
                            "时段起止不合理：应从早到晚，最长 {0} 天：{1}", MAX_DAYS, text));
                }
                return new Period(s, from, to);
            }
        } catch (java.time.DateTimeException bad) {
            // falls through to the refusal
        }
        throw new InvalidInputException("period", Phrase.of("problem.evaluation.period-format",
                "时段格式应为 2026-11、2026-Q4、2026 或 2026-11-03..2026-11-20：{0}", text));
    }

    /** The period before this one of the same length (month, quarter, year); a range: the same number of days. */
    public Period previous() {
        if (MONTH.matcher(key).matches()) {
            YearMonth ym = YearMonth.from(from).minusMonths(1);
            return parse(ym.toString());
        }
        if (QUARTER.matcher(key).matches()) {
            LocalDate f = from.minusMonths(3);
            return parse(f.getYear() + "-Q" + ((f.getMonthValue() - 1) / 3 + 1));
        }
        if (YEAR.matcher(key).matches()) {
            return parse(String.valueOf(from.getYear() - 1));
        }
        long days = to.toEpochDay() - from.toEpochDay();
        return parse(from.minusDays(days + 1) + ".." + from.minusDays(1));
    }
}
