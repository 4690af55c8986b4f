package cn.civicloop.triage.internal;

import java.util.Arrays;
import java.util.List;

import cn.civicloop.classifier.ChineseText;

/**
 * A routing rule of the routing catalogue (派单目录): places the classifier's category. Keywords and excluded words
 * are alternatives separated by {@code |}. Matters decided by what the appeal says, whatever the category (a gas
 * leak, a minor accident called in to 110), are hazard and linkage rules ({@link CompiledHazard}).
 */
public record Rule(Long id, String category, String channel, String areaCode, String keywords, String excludeKeywords,
        String departmentCode, String unitCode, int priority, boolean active, String note) {

    static final String ANY = "*";

    boolean matches(String category, String channel, List<String> areaCodes, String text) {
        return active
                && (this.category.equals(ANY) || this.category.equals(category))
                && (this.channel == null || this.channel.equals(channel))
                && (areaCode == null || areaCodes.contains(areaCode))
                && (keywords == null || words(keywords).stream().anyMatch(text::contains))
                // "无人员受伤" must not exclude a minor accident from the insurer's rule that excludes injuries.
                && (excludeKeywords == null
                        || words(excludeKeywords).stream().noneMatch(w -> ChineseText.mentions(text, w)));
    }

    /** More conditions make a rule more specific; among equal priorities the more specific wins. */
    int specificity() {
        int s = 0;
        s += category.equals(ANY) ? 0 : 1;
        s += channel == null ? 0 : 1;
        s += areaCode == null ? 0 : 2;
        s += keywords == null ? 0 : 2;
        return s;
    }

    private static List<String> words(String alternatives) {
        return Arrays.stream(alternatives.split("\\|")).map(String::strip).filter(w -> !w.isEmpty()).toList();
    }
}
