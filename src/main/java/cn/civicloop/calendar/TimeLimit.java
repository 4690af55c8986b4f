package cn.civicloop.calendar;

/** An amount of time in a unit, e.g. 13 working days or 24 hours. */
public record TimeLimit(int amount, LimitUnit unit) {

    public TimeLimit {
        if (amount < 0) {
            throw new IllegalArgumentException("a time limit cannot be negative");
        }
        if (unit == null) {
            throw new IllegalArgumentException("a time limit needs a unit");
        }
    }

    public static TimeLimit hours(int n) {
        return new TimeLimit(n, LimitUnit.HOURS);
    }

    public static TimeLimit workingHours(int n) {
        return new TimeLimit(n, LimitUnit.WORKING_HOURS);
    }

    public static TimeLimit workingDays(int n) {
        return new TimeLimit(n, LimitUnit.WORKING_DAYS);
    }
}
