package cn.civicloop.classifier;

import java.util.ArrayList;
import java.util.List;

/**
 * Spots emergencies in an appeal's text (紧急诉求): fire, explosion, gas leak, injury, drowning, flood, collapse…
 * A word preceded closely by a negation ("无人员受伤", "没有起火") does not count, since a minor accident report
 * says exactly that. A hit marks the appeal urgent, which gives it the same-day limit.
 */
public final class UrgencyDetector {

    private static final List<String> SIGNALS = List.of("火灾", "着火", "起火", "失火", "浓烟", "爆炸", "燃气泄漏",
            "煤气泄漏", "天然气泄漏", "漏气", "受伤", "伤者", "流血", "昏迷", "溺水", "落水", "洪水", "内涝", "决堤",
            "塌方", "坍塌", "倒塌", "触电", "被困", "中毒", "人员伤亡", "死亡", "爆管", "坠落", "危化品", "危险化学品");

    private static final List<String> NEGATIONS = List.of("无", "没有", "没", "未", "不是", "并未", "无人");

    private UrgencyDetector() {
    }

    /** The emergency signals found in the text, in order of first appearance; empty when there are none. */
    public static List<String> signals(String text) {
        List<String> found = new ArrayList<>();
        if (text == null) {
            return found;
        }
        for (String signal : SIGNALS) {
            if (mentions(text, signal)) {
                found.add(signal);
            }
        }
        return found;
    }

    /** Whether {@code word} occurs in {@code text} at least once without a negation just before it. */
    public static boolean mentions(String text, String word) {
        if (text == null || word.isEmpty()) {
            return false;
        }
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length())) {
            if (!negated(text, at)) {
                return true;
            }
        }
        return false;
    }

    public static boolean isEmergency(String text) {
        return !signals(text).isEmpty();
    }

    /** A negation within the four characters before the word, e.g. 无人员受伤, 没有人受伤, 未起火. */
    private static boolean negated(String text, int at) {
        String before = text.substring(Math.max(0, at - 4), at);
        return NEGATIONS.stream().anyMatch(before::contains);
    }
}
