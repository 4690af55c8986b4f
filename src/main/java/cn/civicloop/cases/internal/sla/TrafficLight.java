package cn.civicloop.cases.internal.sla;

/** 红黄绿灯 of a clock: green below 80 % of its limit, yellow from 80 % to 100 %, red beyond. */
public enum TrafficLight {
    GREEN, YELLOW, RED;

    public static TrafficLight of(double percent) {
        if (percent > 100.0) {
            return RED;
        }
        return percent >= 80.0 ? YELLOW : GREEN;
    }
}
