package cn.civicloop.demo;

import java.util.List;

import cn.civicloop.cases.AppealKind;
import cn.civicloop.cases.Channel;
import cn.civicloop.cases.Urgency;

/**
 * One demo appeal and the steps staff have taken on it so far. Coordinates are offsets in thousandths of a
 * degree from the district seat; texts are written for this demo.
 */
record DemoAppeal(Channel channel, AppealKind kind, Urgency urgency, String title, String content, String address,
        int northOffset, int eastOffset, String contactName, String contactPhone, List<Step> steps) {

    /** A command by a demo user: action slug and its one parameter (reason, text, department code...). */
    record Step(String user, String action, String value) {
    }

    static Step step(String user, String action, String value) {
        return new Step(user, action, value);
    }

    static Step step(String user, String action) {
        return new Step(user, action, null);
    }
}
