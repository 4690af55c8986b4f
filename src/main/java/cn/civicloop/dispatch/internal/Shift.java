package cn.civicloop.dispatch.internal;

import java.time.LocalTime;

/** The three 8-hour shifts of 四班三运转, in district time. */
public enum Shift {
    NIGHT("夜班", LocalTime.of(0, 0)),
    DAY("白班", LocalTime.of(8, 0)),
    EVENING("中班", LocalTime.of(16, 0));

    private final String label;
    private final LocalTime start;

    Shift(String label, LocalTime start) {
        this.label = label;
        this.start = start;
    }

    public String label() {
        return label;
    }

    public LocalTime start() {
        return start;
    }

    public static Shift at(LocalTime time) {
        return values()[time.getHour() / 8];
    }
}
