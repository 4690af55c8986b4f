package cn.civicloop.routing;

import java.util.ArrayList;
import java.util.List;

/**
 * Spots emergencies in an appeal's text (紧急诉求): fire, explosion, gas leak, injury, drowning, flood, collapse…
 * A word negated in its clause ("无人员受伤", "没有起火") does not count, since a minor accident report says
 * exactly that ({@link ChineseText#negated}). A hit marks the appeal urgent, which gives it the same-day limit.
 */
public final class UrgencyDetector {

    private static final List<String> SIGNALS = List.of("火灾", "着火", "起火", "失火", "浓烟", "爆炸", "燃气泄漏",
            "煤气泄漏", "天然气泄漏", "漏气", "受伤", "伤者", "流血", "昏迷", "溺水", "落水", "洪水", "内涝", "决堤",
            "塌方", "坍塌", "倒塌", "触电", "被困", "中毒", "人员伤亡", "死亡", "爆管", "坠落", "危化品", "危险化学品");

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

    /** Whether {@code word} occurs in {@code text} at least once without a negation before it. */
    public static boolean mentions(String text, String word) {
        return ChineseText.mentions(text, word);
    }

    public static boolean isEmergency(String text) {
        return !signals(text).isEmpty();
    }
}
